-- Throttling by growing delays (ADR 0028): events counted per namespace (login-account, login-address, join,
-- reset-account, reset-address, lookup) and key, so one limit never spends another's. Replaces `login_failures`, whose
-- rows were only throttling state: dropping them forgets at most an hour of failures.
DROP TABLE login_failures;
CREATE TABLE throttle_events (
    id {{pk}},
    namespace TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX throttle_events_key ON throttle_events(namespace, subject, at);
CREATE INDEX throttle_events_at ON throttle_events(at);
