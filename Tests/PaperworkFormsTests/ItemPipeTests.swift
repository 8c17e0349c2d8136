import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct ItemPipeTests {
    private struct Broken: Error {}

    @Test func chunksArriveInOrderAndTheProducersErrorFollowsThem() throws {
        let pipe = ItemPipe<TemplateValue> { pipe in
            for i in 0..<600 { try pipe.send(.number(Decimal(i))) }
            throw Broken()
        }
        defer { pipe.close() }
        var seen: [TemplateValue] = []
        #expect(throws: Broken.self) {
            while let chunk = try pipe.take() { seen += chunk }
        }
        #expect(seen == (0..<512).map { .number(Decimal($0)) }, "whole chunks before the error; the part-filled one is dropped")
    }

    @Test func aConsumerThatStopsEarlyStopsTheProducer() throws {
        let pipe = ItemPipe<TemplateValue> { pipe in
            var i = 0
            while true { try pipe.send(.number(Decimal(i))); i += 1 }
        }
        #expect(try pipe.take() == (0..<256).map { .number(Decimal($0)) })
        pipe.close()
    }
}
