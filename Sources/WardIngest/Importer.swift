import Foundation
import WardModel

/// Reads one input file of any supported format into an `ImportBatch`.
///
/// The format is always detected from the content (see docs/formats.md); gzip is
/// detected by its magic bytes. The file name is used only in messages (and, for
/// Custodian's operation-less 404 recordings, as a hint to which aspect is missing).
public enum Importer {
  /// Reads and parses the file at `path`.
  public static func read(path: String, context: ImportContext = ImportContext())
    throws(ImportError)
    -> ImportBatch
  {
    let bytes = try FileInput.load(path: path)
    return try read(bytes: bytes, name: path, context: context)
  }

  /// Parses `bytes` (possibly gzip-compressed) that came from a file named `name`.
  public static func read(bytes: [UInt8], name: String, context: ImportContext = ImportContext())
    throws(ImportError) -> ImportBatch
  {
    do {
      let plain = Gzip.isGzip(bytes) ? try Gzip.inflate(bytes) : bytes
      let batch = try decode(plain, name: name, context: context)
      guard batch.recordCount <= ImportLimits.recordsPerFile else {
        throw ReadError(
          "\(batch.recordCount) records is more than \(ImportLimits.recordsPerFile), the limit for one file (split the file)"
        )
      }
      return batch
    } catch let error as ReadError {
      throw error.named(name)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(file: name, reason: "\(error)")
    }
  }

  static func decode(_ bytes: [UInt8], name: String, context: ImportContext) throws -> ImportBatch {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw ReadError("empty file")
    }
    switch TextSniffer.classify(bytes) {
    case .json where JSONLines.looksLike(bytes):
      let doc = try JSONDocument(parsing: JSONLines.asArray(bytes))
      return try FormatDetector.read(doc.root, name: name, context: context)
    case .json:
      let doc = try JSONDocument(parsing: bytes)
      return try FormatDetector.read(doc.root, name: name, context: context)
    case .cliError(let text):
      return try NotFoundReader.readCLIError(text, context: context)
    case .tenantsYAML(let text):
      return try TenantsReader.read(text)
    case .other(let looksLike):
      throw ReadError(place: "line 1", "not a format Ward reads: looks like \(looksLike)")
    case .invalidUTF8(let offset):
      throw ReadError(place: "byte \(offset)", "not valid UTF-8 text")
    }
  }
}

/// Loads a file's bytes with messages for the common mistakes.
enum FileInput {
  static func load(path: String) throws(ImportError) -> [UInt8] {
    switch FileKind.of(path) {
    case .missing: throw ImportError(file: path, reason: "no such file")
    case .directory:
      throw ImportError(
        file: path, reason: "is a directory, not a file (import the directory to read its files)")
    case .refused(let reason): throw ImportError(file: path, reason: reason)
    case .regular: break
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ImportError(file: path, reason: "cannot open the file (permission denied?)")
    }
    defer { try? handle.close() }
    do {
      let size = try handle.seekToEnd()
      if size > UInt64(ImportLimits.contentBytes) {
        throw ImportError(
          file: path,
          reason:
            "\(size >> 20) MiB is more than \(ImportLimits.contentBytes >> 20) MiB, the limit for one file (docs/formats.md)"
        )
      }
      try handle.seek(toOffset: 0)
      let data = try handle.readToEnd() ?? Data()
      return [UInt8](data)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(file: path, reason: "cannot read the file: \(error.localizedDescription)")
    }
  }
}
