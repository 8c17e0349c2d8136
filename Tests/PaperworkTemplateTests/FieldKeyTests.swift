import Foundation
import Testing
@testable import PaperworkTemplate

@Suite struct FieldKeyTests {
    @Test func keysFromDifferentStorageFindTheSameMember() {
        let heading = String(decoding: Array("2019年2至4月营业收入".utf8), as: UTF8.self)
        let value = TemplateValue.object([FieldKey(heading): .number(120)])
        #expect(value["2019年2至4月营业收入"] == .number(120))
        #expect(value[FieldKey("2019年2至4月" + "营业收入")] == .number(120))
        #expect(value["2019年2至4月营业收入 "] == nil)
    }

    @Test func twoSpellingsOfOneNameAreOneKey() {
        let composed = FieldKey("caf\u{E9}")
        let decomposed = FieldKey("cafe\u{301}")
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(TemplateValue.object([composed: .bool(true)])[decomposed] == .bool(true))
        #expect(FieldKey("甲方") != FieldKey("乙方"))
    }

    @Test func settingAMemberChangesOnlyThatMember() {
        var value = TemplateValue.object(["名称": .string("甲"), "金额": .number(1)])
        value["金额"] = .number(2)
        value["备注"] = nil
        #expect(value == .object(["名称": .string("甲"), "金额": .number(2)]))
        var scalar = TemplateValue.string("x")
        scalar["a"] = .null
        #expect(scalar == .object(["a": .null]))
    }

    @Test func dottedKeysSplitIntoParts() {
        #expect([FieldKey](dotted: "乙方.名称") == ["乙方", "名称"])
        #expect(ValuePath.keys([FieldKey](dotted: "乙方.名称")).description == "乙方.名称")
    }
}
