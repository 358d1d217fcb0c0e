import Foundation

/// Runs a program with posix_spawn and waits for it with waitpid; stdin is /dev/null and
/// stdout and stderr go to `outputPath` (default /dev/null). Returns its exit status.
///
/// For tmux: its client forks a server daemon that keeps inherited descriptors open, so
/// Foundation's Process (which learns of a child's exit through such a descriptor) would wait
/// forever. The signal mask is emptied: the test runner's threads block signals, and a tmux
/// server (and the ssh clients it starts) would inherit that mask and never notice SIGCHLD
/// or SIGTERM.
func spawnAndWait(_ path: String, _ arguments: [String], outputPath: String = "/dev/null") -> Int32
{
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  posix_spawnattr_setsigmask(&attributes, &empty)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
  var pid: pid_t = 0
  guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { return -1 }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
}
