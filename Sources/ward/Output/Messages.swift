import Foundation
import WardUI

/// A one-line error for the user; exits 1 without a usage dump. The message may quote data
/// (other operators' names and reasons, file names), so it is made safe by the output
/// policy when it is made.
struct CommandFailure: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = OutputText.line(message) }
}

/// Writes a message line to standard error, made safe by the output policy.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((OutputText.line(line) + "\n").utf8))
}

/// Writes a message line to standard output, made safe by the output policy. Every CLI
/// message (not records, which ``RecordPrinter`` writes) goes through here or
/// ``printError(_:)``.
func printLine(_ line: String) {
  FileHandle.standardOutput.write(Data((OutputText.line(line) + "\n").utf8))
}
