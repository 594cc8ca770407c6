import Foundation
import Testing
@testable import Screening

@Suite struct DocumentSimilarityTests {
    @Test func chineseBigramsByHand() {
        // 投标报价 → {投标, 标报, 报价}; 投标价格 → {投标, 标价, 价格}; ∩ = {投标}; ∪ has 5 → 1/5
        #expect(DocumentSimilarity.similarity(a: "投标报价", b: "投标价格", shingleLength: 2) == 0.2)
    }

    @Test func chineseTrigramsByHand() {
        // 本公司承诺按期完工 / 本公司承诺按期交货: 7 trigrams each; shared: 本公司 公司承 司承诺 承诺按 诺按期 (5);
        // own: 按期完 期完工 / 按期交 期交货 → ∪ = 9 → 5/9
        let s = DocumentSimilarity.similarity(a: "本公司承诺按期完工", b: "本公司承诺按期交货")
        #expect(abs(s - 5.0 / 9) < 1e-12)
    }

    @Test func charactersNotWhitespaceWords() {
        // No spaces anywhere, yet the texts share most trigrams; a word-based measure would see 1 word each and say 0.
        let a = "我方承诺在投标有效期内不修改撤销投标文件"
        let b = "我方承诺在投标有效期内不得修改撤销投标文件"
        #expect(DocumentSimilarity.similarity(a: a, b: b) > 0.7)
    }

    @Test func normalisationIgnoresWidthCasePunctuationAndLayout() {
        // full-width letters and digits, a full-width comma, an ideographic space and a line break
        let a = "ＡＢＣ１２３，投标\u{3000}报价\n合计"
        let b = "abc123 投标报价。合计"
        #expect(DocumentSimilarity.similarity(a: a, b: b) == 1)
        #expect(DocumentSimilarity.normalizedScalars("Ａ，b") == [0x61, 0x62])
    }

    @Test func edgeCases() {
        #expect(DocumentSimilarity.similarity(a: "", b: "") == 0)
        #expect(DocumentSimilarity.similarity(a: "。，", b: "") == 0)
        #expect(DocumentSimilarity.similarity(a: "投标", b: "投标") == 1) // shorter than a shingle: one shingle
        #expect(DocumentSimilarity.similarity(a: "投标", b: "招标") == 0)
        #expect(DocumentSimilarity.similarity(a: "完全相同的文本内容", b: "完全相同的文本内容") == 1)
        #expect(DocumentSimilarity.similarity(a: "完全不同", b: "毫无关系的句子") == 0)
    }

    @Test func minHashEstimatesJaccard() {
        let base = String(repeating: "施工组织设计质量安全保证措施工期进度计划", count: 3) + "项目经理张三负责现场管理"
        let a = base + "投标人甲公司地址北京市朝阳区"
        let b = base + "投标人乙公司地址上海市浦东新区"
        let exact = DocumentSimilarity.similarity(a: a, b: b)
        let estimate = MinHashSignature(text: a, permutations: 256).estimatedSimilarity(MinHashSignature(text: b, permutations: 256))
        // standard error √(J(1−J)/256) ≤ 0.032; allow about four of them
        #expect(abs(estimate - exact) < 0.12)
        #expect(MinHashSignature(text: a).estimatedSimilarity(MinHashSignature(text: a)) == 1)
        #expect(MinHashSignature(text: "").estimatedSimilarity(MinHashSignature(text: "")) == 0)
    }
}
