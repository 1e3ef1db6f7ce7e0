import Testing
import Foundation
@testable import RxFacts

@Test func scratchDump() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus/spl")
    for name in ["no-title.xml", "cough.xml", "METHOXSALEN.xml", "64f8040f-938d-4236-8e22-c838c9b5f8da.xml"] {
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
        let doc = try SPLIngester().ingest(SourceInput(path: name, bytes: bytes))
        print("=====", name, doc.info)
        print(doc.products)
        print(doc.classIndex)
        for s in doc.sections.prefix(12) { print("SECTION", s.name, s.code ?? "-", s.level, s.range, String(decoding: doc.text[s.range].prefix(80), as: UTF8.self).debugDescription) }
        print(String(decoding: doc.text.prefix(2500), as: UTF8.self))
    }
}
