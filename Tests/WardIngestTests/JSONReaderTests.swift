import Foundation
import Testing

@testable import WardIngest

@Suite struct JSONReaderTests {
  func parse(_ text: String) throws -> JSONValue {
    try JSONDocument(parsing: Array(text.utf8)).root
  }

  func failure(_ text: String) -> ReadError? {
    do {
      _ = try JSONDocument(parsing: Array(text.utf8))
      return nil
    } catch let error as ReadError {
      return error
    } catch {
      return nil
    }
  }

  @Test func readsScalarsContainersAndEscapes() throws {
    let v = try parse(#"{"a":[1,-2.5,3e2,true,false,null],"s":"x\"\u00e9\ud83d\ude00\n","e":{}}"#)
    let a = try #require(try v.array("a"))
    #expect(try a[0].double() == 1)
    #expect(try a[1].double() == -2.5)
    #expect(try a[2].double() == 300)
    #expect(try a[3].bool() == true)
    #expect(try a[4].bool() == false)
    #expect(a[5].isNull)
    #expect(try v.string("s") == "x\"é😀\n")
    #expect(try v.object("e")?.keys == [])
    #expect(v.canonicalJSON == #"{"a":[1,-2.5,3e2,true,false,null],"e":{},"s":"x\"é😀\n"}"#)
  }

  @Test func numbersMatchTheStandardLibrary() throws {
    for text in [
      "0.1", "1200.0", "123456.789", "1e-7", "-0", "9007199254740993", "0.30000000000000004",
      "1.7976931348623157e308",
    ] {
      #expect(try parse(text).double() == Double(text)!, "\(text)")
    }
  }

  @Test func typeErrorsNameThePathAndPosition() throws {
    let v = try parse("{\n  \"Functions\": [\n    {\"MemorySize\": \"128\"}\n  ]\n}")
    let f = try #require(try v.array("Functions")?.first)
    #expect(throws: ReadError.self) { try f.int("MemorySize") }
    do {
      _ = try f.int("MemorySize")
    } catch let e as ReadError {
      #expect(e.place == "$.Functions[0].MemorySize at 3:20")
      #expect(e.reason == "expected a number, found string")
    }
  }

  @Test func truncatedJSONSaysWhere() throws {
    let e = try #require(failure("{\"Functions\": [ {\"FunctionName\": \"a\"}, {\"Fu"))
    #expect(e.reason.hasPrefix("truncated JSON"))
    #expect(e.place.hasPrefix("$.Functions[1] at 1:"))
    let e2 = try #require(failure("[1, 2"))
    #expect(e2.reason == "truncated JSON: the file ends inside an array")
  }

  @Test func invalidUTF8IsRejectedWithItsPlace() throws {
    var bytes = Array("{\"k\": \"ab".utf8)
    bytes += [0xC3, 0x28]
    bytes += Array("\"}".utf8)
    do {
      _ = try JSONDocument(parsing: bytes)
      Issue.record("accepted invalid UTF-8")
    } catch let e as ReadError {
      #expect(e.reason.contains("invalid UTF-8"))
      #expect(e.place == "$.k at 1:10")
    }
  }

  @Test func nestingIsCapped() throws {
    let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    let e = try #require(failure(deep))
    #expect(e.reason.contains("nesting deeper than"))
    #expect(try JSONDocument(parsing: Array(deep.utf8), maxDepth: 400).root.isArray)
  }

  @Test func syntaxErrorsNameTheCharacter() throws {
    let e = try #require(failure("{\"a\": 1,\n \"b\" 2}"))
    #expect(e.reason == "expected ':' after the key, found '2'")
    #expect(e.place == "$.b at 2:6")
    #expect(failure("{\"a\": 1} x")?.reason.contains("end of the file") == true)
    #expect(failure("[01]") != nil)
    #expect(failure("{\"a\": \"tab\there\"}")?.reason.contains("control character") == true)
  }
}
