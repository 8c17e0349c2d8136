import Foundation
import Testing
@testable import PaperworkForms

/// The duplicate index of collect: packed codes are told apart exactly, whatever their length or case,
/// and text that cannot be packed is kept as it is.
@Suite struct CodeIndexTests {
    @Test func theFirstPlaceOfACodeIsKeptAndGivenBack() {
        var index = CodeIndex(expected: 10)
        #expect(index.insert("91110228MA01C8XK2P", file: 0, row: 7) == nil)
        #expect(index.insert("91110228MA01C8XK2P", file: 2, row: 9) == CodeIndex.Place(file: 0, row: 7))
        #expect(index["91110228MA01C8XK2P"] == CodeIndex.Place(file: 0, row: 7))
        #expect(index.insert("91110228MA01C8XK2Q", file: 1, row: nil) == nil)
        #expect(index["91110228MA01C8XK2Q"] == CodeIndex.Place(file: 1, row: nil))
    }

    @Test func codesThatDifferAnywhereAreDifferent() {
        var index = CodeIndex()
        let codes = ["91110228MA01C8XK2P", "91110228ma01c8xk2p", "91110228MA01C8XK2", "091110228MA01C8XK2P", "A", "0", "",
                     "12345678901234567890", "123456789012345678901", "1234567890123456789012",
                     "91110228 MA01C8XK2P", "91110228-MA01C8XK2P", "９1110228MA01C8XK2P", "110101199003071234", "11010119900307123X"]
        for (i, code) in codes.enumerated() { #expect(index.insert(code, file: i, row: i) == nil, "\(code)") }
        for (i, code) in codes.enumerated() { #expect(index[code] == CodeIndex.Place(file: i, row: i), "\(code)") }
        #expect(index["91110228MA01C8XK2R"] == nil)
        #expect(index["12345678901234567891"] == nil)
    }

    @Test func anAnnouncedCountTooLargeReservesNoMoreThanAMillion() {
        var index = CodeIndex(expected: Int.max)
        #expect(index.insert("X", file: 0, row: 1) == nil)
        #expect(CodeIndex(expected: -5)["X"] == nil)
    }

    @Test func aTableThatGrowsKeepsEveryCodeAndItsPlace() {
        var index = CodeIndex()
        let codes = (0..<20_000).map { String(format: "91110228MA%08X", $0 &* 2_654_435_761 % 4_000_000_000) }
        for (i, code) in codes.enumerated() { #expect(index.insert(code, file: i % 3, row: i) == nil) }
        for (i, code) in codes.enumerated() where i % 97 == 0 {
            #expect(index.insert(code, file: 9, row: 1) == CodeIndex.Place(file: i % 3, row: i))
        }
        #expect(codes.indices.allSatisfy { index[codes[$0]] == CodeIndex.Place(file: $0 % 3, row: $0) })
        #expect(index["91110228MAFFFFFFFF"] == nil)
    }
}
