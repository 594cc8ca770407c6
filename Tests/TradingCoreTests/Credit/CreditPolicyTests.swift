import Foundation
import Testing
import TradingCore

@Suite("信用惩戒措施 — the consequence of each list at each checkpoint")
struct CreditPolicyTests {
    typealias F = CreditFixture

    func consequence(_ list: CreditList, _ checkpoint: CreditCheckpoint, policy: CreditPolicy = .standard, party: CreditParty) -> [CreditConsequence] {
        CreditCheck.check(party: party, at: checkpoint, on: F.day(11, 23), lists: [list], policy: policy).map(\.consequence)
    }

    @Test("失信被执行人 by default: flag at registration and bidding (法〔2016〕285号: the committee applies the documents), refuse the award")
    func defaulters() throws {
        let party = CreditParty(creditCode: F.defaulterCode, name: nil)
        let list = try F.defaulters()
        #expect(self.consequence(list, .registration, party: party) == [.flagForReview])
        #expect(self.consequence(list, .bidding, party: party) == [.flagForReview])
        #expect(self.consequence(list, .award, party: party) == [.refuse])
    }

    @Test("政府采购严重违法失信名单 by default: flag at registration, refuse bidding and award during the ban (采法77)")
    func procurement() throws {
        let party = CreditParty(creditCode: F.supplierCode, name: nil)
        let list = try F.procurement()
        #expect(self.consequence(list, .registration, party: party) == [.flagForReview])
        #expect(self.consequence(list, .bidding, party: party) == [.refuse])
        #expect(self.consequence(list, .award, party: party) == [.refuse])
    }

    @Test("the platform's own list only ever flags by default")
    func platform() throws {
        let party = CreditParty(creditCode: F.supplierCode, name: nil)
        for checkpoint in CreditCheckpoint.allCases {
            #expect(self.consequence(try F.platform(), checkpoint, party: party) == [.flagForReview])
        }
    }

    @Test("ignore reports nothing; a row for a list id overrides the row for its kind; unnamed kinds use the fallback")
    func configured() throws {
        let party = CreditParty(creditCode: F.supplierCode, name: nil)
        var policy = CreditPolicy.standard
        policy.lists.insert(CreditListPolicy(kind: .platform, listID: "platform", registration: .ignore, bidding: .refuse, award: .ignore), at: 0)
        #expect(self.consequence(try F.platform(), .registration, policy: policy, party: party).isEmpty)
        #expect(self.consequence(try F.platform(), .bidding, policy: policy, party: party) == [.refuse])
        var other = try F.platform()
        other.id = "platform-2"
        #expect(self.consequence(other, .bidding, policy: policy, party: party) == [.flagForReview], "the override names only list 'platform'")
        let bare = CreditPolicy(lists: [], unlisted: .refuse)
        #expect(self.consequence(try F.platform(), .registration, policy: bare, party: party) == [.refuse])
        #expect(CreditPolicy(lists: []).unlisted == .flagForReview)
    }

    @Test("a policy is data: it survives a JSON round trip")
    func codable() throws {
        let data = try JSONEncoder().encode(CreditPolicy.standard)
        #expect(try JSONDecoder().decode(CreditPolicy.self, from: data) == .standard)
        #expect(String(decoding: data, as: UTF8.self).contains("flag-for-review"))
    }
}
