import CZlib

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

  /// Decompresses one gzip member; refuses more than `maxOutput` bytes of output (a gzip
  /// bomb), a stream that ends early, and bytes after its end.
  public static func decompress(_ input: [UInt8], maxOutput: Int = 1 << 31) throws -> [UInt8] {
    guard input.count >= 2, input[0] == 0x1F, input[1] == 0x8B else {
      throw ArchiveError(place: "byte 0", "not gzip (no 1f 8b magic)")
    }
    var stream = z_stream()
    guard ward_inflate_init2(&stream, 15 + 16) == Z_OK else {
      throw ArchiveError(place: "gzip", "cannot start decompression")
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    output.reserveCapacity(min(maxOutput, max(input.count * 4, 1 << 16)))
    let chunkSize = 1 << 18
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    return try input.withUnsafeBufferPointer { inp -> [UInt8] in
      stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
      stream.avail_in = UInt32(inp.count)
      while true {
        let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress
          stream.avail_out = UInt32(chunkSize)
          return inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunkSize - Int(stream.avail_out)
        guard output.count + produced <= maxOutput else {
          throw ArchiveError(place: "gzip", "inflates to more than \(maxOutput) bytes")
        }
        output.append(contentsOf: chunk[0..<produced])
        let at = inp.count - Int(stream.avail_in)
        switch status {
        case Z_STREAM_END:
          guard stream.avail_in == 0 else {
            throw ArchiveError(
              place: "byte \(at)", "\(stream.avail_in) bytes after the end of the gzip stream")
          }
          return output
        case Z_OK, Z_BUF_ERROR:
          if stream.avail_in == 0 && produced == 0 {
            throw ArchiveError(place: "byte \(at)", "corrupt gzip: the data ends too early")
          }
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
          throw ArchiveError(place: "byte \(at)", "corrupt gzip: \(message)")
        }
      }
    }
  }
}
