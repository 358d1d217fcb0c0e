import Testing
import WardModel

@Suite struct PathTextTests {
  @Test(arguments: [
    ("a/b/c", "a/b"), ("c", "."), ("/c", "/"), ("a/b/", "a"), ("/", "/"), ("", "."),
    (".", "."), ("./x", "."), ("../x", ".."), ("a//b", "a"), ("//", "/"), ("x/", "."),
  ])
  func parentIsTotal(path: String, parent: String) {
    #expect(PathText.parent(of: path) == parent)
  }

  @Test func absoluteNormalisesLexically() {
    #expect(PathText.absolute("x.json", workingDirectory: "/tmp/w") == "/tmp/w/x.json")
    #expect(PathText.absolute(".", workingDirectory: "/tmp/w") == "/tmp/w")
    #expect(PathText.absolute("../y/./z/", workingDirectory: "/tmp/w") == "/tmp/y/z")
    #expect(PathText.absolute("../../../..", workingDirectory: "/tmp") == "/")
    #expect(PathText.absolute("/abs//p", workingDirectory: "/ignored") == "/abs/p")
  }

  @Test func joinPutsOneSlash() {
    #expect(PathText.join(".", "a") == "./a")
    #expect(PathText.join("d/", "a") == "d/a")
    #expect(PathText.join("", "a") == "a")
  }
}
