import WardModel
import WardStore

extension ConsoleDataSource {
  /// Makes `write` as `actor` (recorded with source `console`) at `now`. The only place the
  /// console writes. Store errors come back as `.failed` with the store's message (a
  /// conflict names who changed the finding, when and to what); a locked database is
  /// waited out and retried inside the store, so ordinary contention never shows here.
  public func write(_ write: StoreWrite, by actor: Operator?, now: EpochSeconds) -> WriteOutcome {
    guard let actor else { return .failed("no operator identity for this session") }
    do {
      switch write {
      case .setState(let targets, let state, let reason, let note, let until):
        let results = try store.setState(
          targets, to: state, reason: reason, note: note, until: until, by: actor,
          source: .console, now: now)
        return .triaged(state: state, results: results)
      case .addNote(let findingId, let note):
        let event = try store.addNote(
          findingId: findingId, note: note, by: actor, source: .console, now: now)
        return .noted(findingId: findingId, seq: event.seq)
      case .undoLastTriage:
        return .undone(try store.undoLastBatch(by: actor, source: .console, now: now))
      }
    } catch StoreError.conflict(let conflict) {
      return .failed("conflict: \(conflict.description)")
    } catch let error as StoreError {
      return .failed(error.description)
    } catch {
      return .failed("store: \(error)")
    }
  }
}
