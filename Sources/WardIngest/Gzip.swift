import CZlib

/// gzip decompression through zlib (detects gzip by its magic bytes, never by name).
public enum Gzip {
  /// Whether `bytes` start with the gzip magic `1f 8b`.
  public static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The whole of a gzip stream, for other modules (evidence packs): ``inflate(_:limit:maxOutput:)``
  /// with no peek limit.
  public static func decompress(_ input: [UInt8], maxOutput: Int) throws -> [UInt8] {
    try inflate(input, maxOutput: maxOutput)
  }

  /// Inflates a gzip stream (concatenated members too). Stops after `limit` output bytes
  /// when given (used to peek at a file's start); otherwise refuses output beyond
  /// `maxOutput` (a gzip bomb) and bytes after the last member that are not gzip.
  static func inflate(
    _ input: [UInt8], limit: Int? = nil, maxOutput: Int = ImportLimits.contentBytes
  ) throws -> [UInt8] {
    var stream = z_stream()
    guard ward_inflate_init2(&stream, 15 + 32) == Z_OK else {
      throw ReadError("cannot start gzip decompression")
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    output.reserveCapacity(min(limit ?? Int.max, max(input.count * 4, 1 << 16)))
    let chunkSize = 1 << 18
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    return try input.withUnsafeBufferPointer { inp -> [UInt8] in
      stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
      stream.avail_in = UInt32(inp.count)
      while true {
        let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress
          stream.avail_out = UInt32(chunkSize)
          return CZlib.inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunkSize - Int(stream.avail_out)
        if limit == nil, output.count + produced > maxOutput {
          throw ReadError(
            "inflates to more than \(maxOutput >> 20) MiB, the limit for one file (docs/formats.md)"
          )
        }
        output.append(contentsOf: chunk[0..<produced])
        if let limit, output.count >= limit { return output }
        switch status {
        case Z_STREAM_END:
          // Another gzip member may follow.
          if stream.avail_in >= 2, stream.next_in[0] == 0x1F, stream.next_in[1] == 0x8B {
            inflateReset(&stream)
            continue
          }
          if stream.avail_in > 0 {
            let at = inp.count - Int(stream.avail_in)
            throw ReadError(
              place: "byte \(at)",
              "\(stream.avail_in) bytes after the end of the gzip stream are not gzip")
          }
          return output
        case Z_OK:
          if stream.avail_in == 0 && produced == 0 {
            throw ReadError(
              place: "byte \(inp.count)", "corrupt gzip: the compressed data ends too early")
          }
        case Z_BUF_ERROR:
          if stream.avail_in == 0 {
            throw ReadError(
              place: "byte \(inp.count)", "corrupt gzip: the compressed data ends too early")
          }
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
          let at = inp.count - Int(stream.avail_in)
          throw ReadError(place: "byte \(at)", "corrupt gzip: \(message)")
        }
      }
    }
  }
}
