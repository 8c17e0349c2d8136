import Testing
@testable import PaperworkTemplate

@Suite struct TagParserTests {
    private func lex(_ s: String) -> [LexedItem] { TagLexer.scan(Array(s.unicodeScalars)) }

    @Test func valuesWithChineseKeysAndFilters() throws {
        let tag = try TagParser.parse(" 乙方.名称 | default(“无”) | percent(1) ")
        #expect(tag == .value(TagExpression(path: .keys(["乙方", "名称"]), filters: [
            FilterCall(name: "default", arguments: [.string("无")]),
            FilterCall(name: "percent", arguments: [.number(1)]),
        ])))
    }

    @Test func blocksAndSpecialPaths() throws {
        #expect(try TagParser.parse("#each 付息记录") == .open(.each, TagExpression(path: .keys(["付息记录"]), filters: [])))
        #expect(try TagParser.parse("/each") == .close(.each))
        #expect(try TagParser.parse("else") == .otherwise)
        #expect(try TagParser.parse("@number") == .value(TagExpression(path: .number, filters: [])))
        #expect(try TagParser.parse("this.name") == .value(TagExpression(path: .this(["name"]), filters: [])))
    }

    @Test func syntaxErrors() {
        #expect(throws: TagSyntaxError.empty) { try TagParser.parse("  ") }
        #expect(throws: TagSyntaxError.unknownBlock("#for")) { try TagParser.parse("#for x") }
        #expect(throws: TagSyntaxError.badPath("a..b")) { try TagParser.parse("a..b") }
        #expect(throws: TagSyntaxError.self) { try TagParser.parse("a | ") }
        #expect(throws: TagSyntaxError.self) { try TagParser.parse("a b") }
        #expect(throws: TagSyntaxError.self) { try TagParser.parse("a | date(\"x") }
    }

    @Test func lexerFindsTagsEscapesAndUnclosed() {
        let items = lex("甲方{{a}} \\{{literal}} {{b | date(\"}}\")}} {{c")
        #expect(items.count == 4)
        #expect(items[0].start == 2 && items[0].end == 7)
        #expect(items[1].kind == .escapedBraces)
        if case .tag(.success(let t), _) = items[2].kind {
            #expect(t == .value(TagExpression(path: .keys(["b"]), filters: [FilterCall(name: "date", arguments: [.string("}}")])])))
        } else { Issue.record("tag 2 not parsed") }
        if case .tag(.failure(let e), _) = items[3].kind { #expect(e == .unclosed) } else { Issue.record("unclosed not found") }
    }
}

@Suite struct FullWidthTagTests {
    @Test func tagsTypedWithAChineseInputMethodWork() throws {
        let items = TagLexer.scan(Array("甲方：｛｛乙方.名称 ｜ default（“无”）｝｝，{{合计｝｝".unicodeScalars))
        #expect(items.count == 2)
        guard case .tag(.success(let tag), _) = items[0].kind else { Issue.record("not parsed"); return }
        #expect(tag == .value(TagExpression(path: .keys(["乙方", "名称"]), filters: [FilterCall(name: "default", arguments: [.string("无")])])))
        #expect(try TagParser.parse("＃each 月份") == .open(.each, TagExpression(path: .keys(["月份"]), filters: [])))
        #expect(try TagParser.parse("／each") == .close(.each))
        #expect(try TagParser.parse("名称 | default(\"（，）\")") == .value(TagExpression(path: .keys(["名称"]), filters: [
            FilterCall(name: "default", arguments: [.string("（，）")])])))
    }

    @Test func fullWidthTagsFillADocument() throws {
        let package = try wordPackage(body: p("｛｛＃each 月份｝｝｛｛月｝｝：｛｛金额 ｜ rmb｝｝；｛｛／each｝｝"))
        let filled = try DocxTemplate(package: package).render(Fixture.json(#"{"月份": [{"月": "3月", "金额": 100}, {"月": "4月", "金额": 200.5}]}"#))
        #expect(try paragraphs(filled) == ["3月：100.00；4月：200.50；"])
    }
}
