import WardAccess
import WardStore

/// Narrows a store handle to what the caller may see. Outside SSH mode the caller sees
/// everything; in SSH mode (``CallerSession/current``) the handle is narrowed to the
/// operator's tenant scope, and only that handle reaches commands and the console.
func scopedForCaller(_ store: PostureStore) throws -> PostureStore {
  guard let session = CallerSession.current else { return store }
  return store.scoped(to: session.storeScope)
}

/// The operator's tenant names and globs resolved against the tenants in `store` (an
/// unscoped handle). Tenants created later are not visible until the next session.
/// A restricted scope that matches no tenant is refused (`AccessError` naming the file).
func resolveStoreScope(
  _ scope: TenantScope, in store: PostureStore, operatorName: String, operatorsFile: String
) throws -> StoreScope {
  if scope.isAll { return .all }
  let tenants = try store.tenants().map(\.name)
  return .only(
    Set(
      try scope.resolve(
        among: tenants, operatorName: operatorName, operatorsFile: operatorsFile)))
}
