import Testing
import WardConsole
import WardStore
import WardUI

/// An empty store's overview says how to fill it, at 80×24 too.
@Suite struct OnboardingTests {
  @Test(arguments: [(80, 24), (120, 40)])
  func anEmptyStoreSaysHowToFillIt(width: Int, height: Int) throws {
    let temp = TempStore()
    let store = try temp.open()
    let console = Fixture.console(store, width: width, height: height)
    #expect(console.shows("The store is empty. To fill it:"), "\(console.screenText)")
    #expect(console.shows("ward import DIR"))
    #expect(console.shows("scripts/collect-aws.sh"))
    #expect(console.shows("ward demo"))
  }

  @Test func aFilledStoreDoesNotSayIt() throws {
    let (temp, store) = try Fixture.store()
    defer { withExtendedLifetime(temp) {} }
    #expect(!Fixture.console(store).shows("The store is empty"))
  }
}
