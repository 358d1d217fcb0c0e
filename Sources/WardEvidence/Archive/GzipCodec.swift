import CZlib
import WardIngest

/// gzip compression and decompression of whole buffers through zlib.
public enum GzipCodec {
  /// Compresses `input` into one gzip member (zlib level 6).
  public static func compress(_ input: [UInt8]) throws -> [UInt8] {
    var stream = z_stream()
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    guard ward_deflate_init2(&stream, 6, 15 + 16) == Z_OK else {
      throw ArchiveError(place: "gzip", "cannot start compression")
    }
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    output.reserveCapacity(input.count / 4 + 64)
    let chunkSize = 1 << 18
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    try input.withUnsafeBufferPointer { inp in
      stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
      stream.avail_in = UInt32(inp.count)
      while true {
        let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress
          stream.avail_out = UInt32(chunkSize)
          return deflate(&stream, Z_FINISH)
        }
        output.append(contentsOf: chunk[0..<(chunkSize - Int(stream.avail_out))])
        if status == Z_STREAM_END { return }
        guard status == Z_OK || status == Z_BUF_ERROR else {
          throw ArchiveError(place: "gzip", "compression failed (zlib status \(status))")
        }
      }
    }
    return output
  }

  /// Decompresses a gzip stream with the importer's one inflate loop (``Gzip``), refusing
  /// more than `maxOutput` bytes of output (a gzip bomb), a stream that ends early, and
  /// bytes after its end that are not gzip.
  public static func decompress(_ input: [UInt8], maxOutput: Int = 1 << 31) throws -> [UInt8] {
    guard Gzip.isGzip(input) else {
      throw ArchiveError(place: "byte 0", "not gzip (no 1f 8b magic)")
    }
    do {
      return try Gzip.decompress(input, maxOutput: maxOutput)
    } catch let error as ReadError {
      throw ArchiveError(place: error.place.isEmpty ? "gzip" : error.place, error.reason)
    }
  }
}
