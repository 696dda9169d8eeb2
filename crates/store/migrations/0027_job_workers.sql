-- Job workers with an id and a heartbeat, so that a job whose worker is gone (killed, crashed, its machine lost) is
-- put back at once instead of after its ten-minute lease (ADR 0030). `instance` names the kernel and process
-- namespace the worker ran in, so a worker on the same machine can see at start-up that its process is gone.
CREATE TABLE job_workers (
    id TEXT PRIMARY KEY,
    instance TEXT,
    pid BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
CREATE INDEX job_workers_heartbeat ON job_workers(heartbeat_at);

-- The worker running a job; NULL for jobs claimed before this migration (their lease still frees them).
ALTER TABLE jobs ADD COLUMN worker_id TEXT;
CREATE INDEX jobs_worker ON jobs(worker_id);
