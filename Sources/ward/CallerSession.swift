import WardAccess
import WardModel
import WardStore

/// Who is calling when Ward runs as sshd's ForceCommand (`ward console --ssh`): the
/// operator resolved from the SSH key or login, the store named by the ForceCommand and
/// the tenant scope resolved against that store at start.
///
/// It is a task-local value, set only around the in-process run of an SSH command or
/// console, so commands read it instead of their own `--store` and `--operator`.
struct CallerSession: Sendable {
  /// The store the ForceCommand names (an SSH caller cannot pick another).
  var storePath: String
  /// The operators-file entry that matched (role, scope, console defaults).
  var entry: OperatorEntry
  /// Name, client address and key fingerprint, recorded on every audit event.
  var auditOperator: Operator
  /// The operator's tenant globs resolved against the store's tenants at start.
  var storeScope: StoreScope

  /// The session of the current task, nil outside SSH mode.
  @TaskLocal static var current: CallerSession?
}
