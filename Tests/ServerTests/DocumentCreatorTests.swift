import Testing

@testable import Server

/// The creator fields read from an opened PDF for the 条例40 "same document creator" indicator.
@Suite struct DocumentCreatorTests {
    @Test func readsTheFieldsNearTheStart() {
        let pdf = Array("%PDF-1.7\n1 0 obj << /Author (张三) /Creator  (WPS Office) >>\n".utf8)
        #expect(DocumentCreator.read(pdf) == "Author=张三; Creator=WPS Office")
    }

    @Test func readsAFieldWrittenNearTheEndByAnIncrementalSave() {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let pdf = Array("%PDF-1.7\n".utf8) + body + Array("\n<< /Producer (Foxit PDF) >>\n%%EOF".utf8)
        #expect(DocumentCreator.read(pdf) == "Producer=Foxit PDF")
    }

    @Test func skipsANameWithoutALiteralStringAndFindsTheNextOne() {
        let pdf = Array("%PDF-1.4\n/Author 5 0 R\n/Author (李四)\n".utf8)
        #expect(DocumentCreator.read(pdf) == "Author=李四")
    }

    @Test func nothingForOtherFormatsOrAnEmptyField() {
        #expect(DocumentCreator.read(Array("PK\u{3}\u{4} /Author (x)".utf8)) == nil)
        #expect(DocumentCreator.read(Array("%PDF-1.7 /Author ()".utf8)) == nil)
        #expect(DocumentCreator.read(Array("%PDF".utf8)) == nil)
    }
}
