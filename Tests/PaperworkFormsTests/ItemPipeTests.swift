import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct ItemPipeTests {
    private struct Broken: Error {}

    @Test func chunksArriveInOrderAndTheProducersErrorFollowsThem() throws {
        let pipe = ItemPipe<TemplateValue> { pipe in
            for i in 0..<50 { guard pipe.put([.number(Decimal(i))]) else { return } }
            throw Broken()
        }
        defer { pipe.close() }
        var seen: [TemplateValue] = []
        #expect(throws: Broken.self) {
            while let chunk = try pipe.take() { seen += chunk }
        }
        #expect(seen == (0..<50).map { .number(Decimal($0)) })
    }

    @Test func aConsumerThatStopsEarlyStopsTheProducer() throws {
        let pipe = ItemPipe<TemplateValue> { pipe in
            var i = 0
            while pipe.put([.number(Decimal(i))]) { i += 1 }
        }
        #expect(try pipe.take() == [.number(0)])
        pipe.close()
    }
}
