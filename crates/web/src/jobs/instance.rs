//! Where this process runs, so that a worker starting on the same machine can tell for certain that another
//! worker's process has ended (ADR 0030).
//!
//! The instance is the kernel's boot id and the process's pid namespace: two workers with the same instance see the
//! same process table, so a missing `/proc/<pid>` there means that worker's process is gone. Workers on other
//! machines, in other containers or on systems without `/proc` have other or no instance; for them only the
//! heartbeat tells.

/// This process's instance; `None` where the system does not say (not Linux).
pub fn current() -> Option<String> {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let namespace = std::fs::read_link("/proc/self/ns/pid").ok()?;
    Some(format!("{}/{}", boot.trim(), namespace.display()))
}

/// Whether the worker with `instance` and `pid` is certainly gone: it ran in this instance, in another process,
/// and that process no longer exists. A reused pid makes it look alive: then the heartbeat decides, later.
pub(crate) fn certainly_gone(ours: Option<&str>, instance: Option<&str>, pid: i64) -> bool {
    let same = ours.is_some() && ours == instance;
    same && i64::from(std::process::id()) != pid && !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_that_ended_is_gone_only_in_our_own_instance() {
        let Some(ours) = current() else { return }; // Not Linux: nothing to tell.
        let mut child = std::process::Command::new("true").spawn().expect("a child process");
        let pid = i64::from(child.id());
        child.wait().expect("it ends");
        assert!(certainly_gone(Some(&ours), Some(&ours), pid), "ended, here");
        assert!(!certainly_gone(Some(&ours), Some("another-machine"), pid), "elsewhere only the heartbeat tells");
        assert!(!certainly_gone(Some(&ours), None, pid));
        assert!(!certainly_gone(Some(&ours), Some(&ours), i64::from(std::process::id())), "this process lives");
    }
}
