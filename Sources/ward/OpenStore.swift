import ArgumentParser
import Foundation
import WardModel
import WardStore

/// Opens the store, creating its folder for a read-write open; a failure is a one-line error.
func openStore(_ path: String, mode: PostureStore.Mode) throws -> PostureStore {
  if mode == .readWrite {
    let dir = PathText.parent(of: path)
    if dir != "." {
      try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
  } else if !FileManager.default.fileExists(atPath: path) {
    throw ValidationError("no store at \(path): run `ward import` first, or pass --store")
  }
  do {
    return try PostureStore(path: path, mode: mode)
  } catch {
    throw ValidationError("cannot open the store \(path): \(error)")
  }
}
