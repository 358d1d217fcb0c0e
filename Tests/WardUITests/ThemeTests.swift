import Foundation
import Testing

@testable import WardUI

@Suite struct ThemeTests {
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")
  static let shipped = ["default", "light", "high-contrast", "mono", "colorblind"]

  @Test(arguments: shipped) func shippedThemeLoadsAndCoversEveryRole(name: String) throws {
    let theme = try Theme.load(named: name, in: [Self.themesDirectory])
    #expect(theme.name == name)
    let missing = Role.all.filter { theme.entries[$0] == nil }
    #expect(missing.isEmpty, "\(name) lacks \(missing)")
  }

  @Test func everyThemeFileInTheDirectoryLoads() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
      .filter { $0.hasSuffix(".yaml") }
    #expect(Set(files.map { String($0.dropLast(5)) }).isSuperset(of: Self.shipped))
    for file in files {
      _ = try Theme.load(contentsOf: Self.themesDirectory.appendingPathComponent(file))
    }
  }

  @Test func monoThemeHasNoColours() throws {
    let theme = try Theme.load(named: "mono", in: [Self.themesDirectory])
    for role in Role.all {
      let resolved = theme.resolve(Style(role: role), depth: .truecolor)
      #expect(resolved.fg == .terminalDefault && resolved.bg == .terminalDefault, "\(role)")
    }
    #expect(theme.resolve(Style(role: .selection), depth: .truecolor).attributes == .reverse)
  }

  @Test func badColourNamesFileKeyAndReason() {
    let yaml = "name: broken\nroles:\n  text: {fg: \"#12345\"}\n"
    #expect {
      try Theme.parse(yaml: yaml, file: "broken.yaml")
    } throws: { error in
      guard let e = error as? ThemeError else { return false }
      return e.file == "broken.yaml" && e.key == "roles.text.fg" && e.reason.contains("#12345")
        && e.description.hasPrefix("broken.yaml: roles.text.fg: bad colour")
    }
  }

  @Test func unknownRoleAttributeAndKeyAreErrors() {
    let cases: [(String, String)] = [
      ("name: x\nroles:\n  txet: {fg: red}\n", "roles.txet"),
      ("name: x\nroles:\n  text: {attrs: [blink]}\n", "roles.text.attrs"),
      ("name: x\nroles:\n  text: {colour: red}\n", "roles.text.colour"),
      ("name: x\nroles:\n  text: {fg: 300}\n", "roles.text.fg"),
      ("name: x\npalette: {}\nroles: {}\n", "palette"),
      ("roles: {}\n", "name"),
      ("name: x\n", "roles"),
    ]
    for (yaml, key) in cases {
      do {
        _ = try Theme.parse(yaml: yaml, file: "t.yaml")
        Issue.record("accepted \(yaml)")
      } catch {
        #expect(error.key == key, "\(yaml)")
      }
    }
  }

  @Test func invalidYamlIsAnError() {
    do {
      _ = try Theme.parse(yaml: "name: [unclosed\n", file: "bad.yaml")
      Issue.record("accepted invalid YAML")
    } catch {
      #expect(error.file == "bad.yaml")
      #expect(error.reason.hasPrefix("not valid YAML"))
    }
  }

  @Test func missingThemeNamesTheSearchPath() {
    do {
      _ = try Theme.load(named: "nope", in: [Self.themesDirectory])
      Issue.record("found a missing theme")
    } catch {
      #expect(error.file == "nope.yaml")
      #expect(error.reason.contains("not found"))
    }
    #expect(throws: ThemeError.self) { try Theme.load(named: "../etc/passwd", in: []) }
  }

  @Test func colourFormsParse() throws {
    let yaml = """
      name: forms
      roles:
        text: {fg: "#ff8000", bg: 17}
        muted: {fg: brightred, bg: default}
        accent: {fg: Bright-Blue, attrs: bold}
      """
    let theme = try Theme.parse(yaml: yaml, file: "forms.yaml")
    #expect(theme.entries[.text]?.fg == .color(.rgb(255, 128, 0)))
    #expect(theme.entries[.text]?.bg == .color(.indexed(17)))
    #expect(theme.entries[.muted]?.fg == .color(.indexed(9)))
    #expect(theme.entries[.muted]?.bg == .terminalDefault)
    #expect(theme.entries[.accent]?.fg == .color(.indexed(12)))
    #expect(theme.entries[.accent]?.attributes == .bold)
  }

  @Test func resolveFallsBackToTextAndBackground() throws {
    let theme = try Theme.parse(
      yaml:
        "name: t\nroles:\n  text: {fg: \"#ffffff\"}\n  background: {bg: 236}\n  error: {fg: red, attrs: [bold]}\n",
      file: "t")
    let error = theme.resolve(Style(role: .error), depth: .c256)
    #expect(error == ResolvedStyle(fg: .indexed(1), bg: .indexed(236), attributes: .bold))
    let muted = theme.resolve(Style(role: .muted), depth: .c256)
    #expect(muted.fg == .indexed(231))  // #ffffff -> cube white
    #expect(muted.bg == .indexed(236))
    let mono = theme.resolve(Style(role: .severityCritical), depth: .mono)
    #expect(
      mono
        == ResolvedStyle(fg: .terminalDefault, bg: .terminalDefault, attributes: [.bold, .reverse]))
  }

  @Test func defaultThemeKeepsMeaningInMono() throws {
    let theme = try Theme.load(named: "default", in: [Self.themesDirectory])
    let selection = theme.resolve(Style(role: .selection), depth: .mono)
    #expect(selection.attributes.contains(.reverse))
    #expect(theme.resolve(Style(role: .header), depth: .mono).attributes.contains(.bold))
    #expect(theme.resolve(Style(role: .muted), depth: .mono).attributes.contains(.dim))
  }

  @Test func searchDirectoriesOrder() {
    let dirs = Theme.searchDirectories(
      env: ["WARD_THEMES_DIR": "/opt/t", "HOME": "/home/op"], executablePath: "/usr/local/bin/ward"
    ).map(\.path)
    #expect(
      dirs.prefix(3) == ["/opt/t", "/home/op/.config/ward/themes", "/usr/local/share/ward/themes"])
    #expect(dirs.last?.hasSuffix("/themes") == true)
    let xdg = Theme.searchDirectories(
      env: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"], executablePath: nil)
    #expect(xdg.first?.path == "/x/ward/themes")
  }
}
