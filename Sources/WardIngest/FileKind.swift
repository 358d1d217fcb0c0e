#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a path names, as `ward import` needs to know it before opening anything: opening a
/// FIFO blocks for ever, a device never ends, and a symlink loop never resolves.
enum FileKind: Equatable {
  case missing
  case regular
  case directory
  /// Exists but is not imported, with the reason in words.
  case refused(String)

  /// A directory's identity on disk, to notice when a walk comes back to it.
  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// The kind of `path`, following symlinks.
  static func of(_ path: String) -> FileKind {
    var info = stat()
    if stat(path, &info) != 0 {
      switch errno {
      case ENOENT, ENOTDIR: return .missing
      case ELOOP: return .refused("symlink loop")
      case EACCES: return .refused("permission denied")
      default: return .refused("cannot inspect the file (errno \(errno))")
      }
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    case S_IFIFO: return .refused("not a regular file: a FIFO (named pipe)")
    case S_IFCHR: return .refused("not a regular file: a character device")
    case S_IFBLK: return .refused("not a regular file: a block device")
    case S_IFSOCK: return .refused("not a regular file: a socket")
    default: return .refused("not a regular file")
    }
  }

  /// Device and inode of `path` (following symlinks), or nil when it cannot be inspected.
  static func identity(of path: String) -> Identity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }
}
