import Auctions
import Foundation
import Testing

/// Property-based tests of the ascending auctions over thousands of random event sequences.
@Suite("Ascending auction properties", .tags(.property))
struct AscendingPropertyTests {
    static let bidders: [BidderID] = ["A", "B", "C", "D", "E"]

    /// A random amount around the next valid bid: mostly on the ladder, sometimes below it or off it.
    static func amount(over standing: Fen?, start: Fen, increment: Fen, using generator: inout SplitMix64) -> Fen {
        let base = standing ?? start
        var amount = base + Int64.random(in: -2...5, using: &generator) * increment
        if Int.random(in: 0..<10, using: &generator) == 0 { amount += Int64.random(in: 1..<max(increment, 2), using: &generator) }
        return amount
    }

    @Test("产权 standing price never falls, the countdown moves only as 限时报价期 allows, the highest bid wins subject to the reserve")
    func englishAuction() {
        var closedSold = 0
        var closedReserveNotMet = 0
        var restarts = 0
        checkProperty("EnglishAuction", runs: 2_000, baseSeed: 0xE5_0000) { generator in
            let start = Int64.random(in: 1...500, using: &generator) * 100
            let increment = Int64.random(in: 1...50, using: &generator) * 10
            let freeEnd = TimeInterval(Int.random(in: 60...900, using: &generator))
            let countdown = TimeInterval(Int.random(in: 10...120, using: &generator))
            let cap: Int? = Bool.random(using: &generator) ? Int.random(in: 1...4, using: &generator) : nil
            let reserve: Fen? = Bool.random(using: &generator) ? start + increment * Int64.random(in: 0...15, using: &generator) : nil
            let rules = EnglishAuctionRules(
                startPrice: start, increment: increment, freeBiddingStart: at(0), freeBiddingEnd: at(freeEnd),
                countdown: countdown, maximumIncrementsPerBid: cap, reservePrice: reserve
            )
            guard var auction = try? EnglishAuction(rules: rules) else { return "valid rules refused" }
            var sent: [BidRequest] = []
            var acknowledgements: [String: BidAcknowledgement] = [:]
            var time = TimeInterval(Int.random(in: -60...0, using: &generator))
            var withdrawn = false
            var closing: (outcome: AuctionOutcome, at: Date)?
            for _ in 0..<Int.random(in: 20...120, using: &generator) {
                time += TimeInterval(Int.random(in: 0...Int(countdown * 0.6), using: &generator))
                let now = at(time)
                let before = auction
                let event: EnglishAuction.Event
                var replayed: BidRequest?
                switch Int.random(in: 0..<100, using: &generator) {
                case 0..<10: event = .tick
                case 10..<18 where !sent.isEmpty:
                    let again = sent.randomElement(using: &generator)!
                    replayed = again
                    event = .bid(again)
                case 18: event = .withdraw
                default:
                    let bidder = Self.bidders.randomElement(using: &generator)!
                    let amount = Self.amount(over: auction.standingPrice, start: start, increment: increment, using: &generator)
                    let bid = request("\(bidder)-\(sent.count)", bidder, amount)
                    sent.append(bid)
                    event = .bid(bid)
                }
                let original = replayed.flatMap { acknowledgements["\($0.bidder)/\($0.clientBidID)"] }
                let effects = auction.handle(event, now: now)
                if case .withdraw = event, before.phase != .closed {
                    // A withdrawal closes the auction, unless time had already closed it.
                    guard let closed = effects.closing else { return "withdrawal did not close the auction" }
                    withdrawn = closed.outcome == .noSale(.withdrawn)
                }
                if let closed = effects.closing { closing = closed }

                // The standing price never moves backwards.
                if let previous = before.standingPrice {
                    guard let current = auction.standingPrice, current >= previous else {
                        return "standing price fell from \(previous) to \(String(describing: auction.standingPrice))"
                    }
                }
                // Every accepted bid is on the ladder and gets the next sequence number.
                for ack in effects.acknowledgements {
                    guard ack.sequence == before.acceptedBids.count + 1 else { return "sequence \(ack.sequence) skips" }
                    let base = before.standingPrice ?? start
                    let steps = (ack.amount - base) / increment
                    guard (ack.amount - base) % increment == 0, steps >= (before.standingPrice == nil ? 0 : 1),
                        cap.map({ steps <= Int64($0) }) ?? true
                    else { return "accepted \(ack.amount) off the ladder over \(base)" }
                    acknowledgements["\(ack.bidder)/\(ack.clientBidID)"] = ack
                }
                // A repeated client bid id gets the same acknowledgement and changes nothing.
                if let replayed, let original, before.phase == auction.phase
                {
                    guard effects == [.bidReplayed(original)], auction.acceptedBids == before.acceptedBids, auction.endsAt == before.endsAt else { return "replay of \(replayed) had effects \(effects)" }
                }
                // The end moves only later: to the end of free bidding + countdown, or to an accepted timed bid + countdown.
                if auction.endsAt != before.endsAt {
                    guard auction.endsAt > before.endsAt else { return "end moved earlier" }
                    let restarted = !effects.acknowledgements.isEmpty && auction.phase == .timedBidding
                    let expected = restarted ? now.addingTimeInterval(countdown) : at(freeEnd + countdown)
                    guard auction.endsAt == expected else { return "end moved to \(auction.endsAt), expected \(expected)" }
                    if restarted { restarts += 1 }
                }
                for extended in effects.extensions {
                    guard extended == now.addingTimeInterval(countdown), !effects.acknowledgements.isEmpty,
                        extended == auction.endsAt
                    else { return "extendEnd(\(extended)) without a valid timed bid" }
                }
                // A bid accepted in the timed period always restarts the countdown.
                if !effects.acknowledgements.isEmpty, auction.phase == .timedBidding,
                    auction.endsAt != now.addingTimeInterval(countdown)
                {
                    return "timed bid at \(now) did not restart the countdown"
                }
            }
            if closing == nil { closing = auction.handle(.tick, now: at(time + 100_000)).closing }
            guard let closing else { return "never closed" }
            guard !withdrawn else { return nil }
            // Reference outcome from the accepted bids alone.
            let bids = auction.acceptedBids
            let lastTimedBid = bids.last { $0.time >= at(freeEnd) }
            let expectedClose = lastTimedBid.map { $0.time.addingTimeInterval(countdown) } ?? at(freeEnd + countdown)
            guard closing.at == expectedClose else { return "closed at \(closing.at), expected \(expectedClose); freeEnd \(freeEnd) countdown \(countdown) bids \(bids.map { ($0.time.timeIntervalSince(origin), $0.amount) })" }
            let expected: AuctionOutcome
            if let best = bids.max(by: { $0.amount < $1.amount }) {
                if let reserve, best.amount < reserve {
                    expected = .noSale(.reserveNotMet(bestBid: best.amount, reserve: reserve))
                    closedReserveNotMet += 1
                } else {
                    expected = .sold(AuctionAward(bidder: best.bidder, price: best.amount, sequence: best.sequence))
                    closedSold += 1
                }
            } else {
                expected = .noSale(.noBids)
            }
            return closing.outcome == expected ? nil : "outcome \(closing.outcome), expected \(expected)"
        }
        // The random sequences reach the interesting cases.
        #expect(closedSold > 500)
        #expect(closedReserveNotMet > 50)
        #expect(restarts > 500)
    }

    @Test("拍 standing price never falls, the end moves only after a bid in the last 5 minutes, pre-emption and reserve decide the winner")
    func judicialAuction() {
        var preemptionWins = 0
        var extensions = 0
        var sold = 0
        let day: TimeInterval = 24 * 3600
        checkProperty("JudicialAuction", runs: 2_000, baseSeed: 0x1A_0000) { generator in
            let increment = Int64.random(in: 1...20, using: &generator) * 100
            let start = increment * Int64.random(in: 10...100, using: &generator)
            let window = TimeInterval(Int.random(in: 60...300, using: &generator))
            let length = TimeInterval(Int.random(in: 60...300, using: &generator))
            let holders: [PreemptionRight] = [
                PreemptionRight(bidder: "H", order: Int.random(in: 1...2, using: &generator)),
                PreemptionRight(bidder: "K", order: Int.random(in: 1...2, using: &generator)),
            ]
            let reserve: Fen? = Int.random(in: 0..<4, using: &generator) == 0 ? start + increment * Int64.random(in: 0...10, using: &generator) : nil
            let rules = JudicialAuctionRules(
                appraisedValue: start, startPrice: start, deposit: start / 10, increment: increment,
                biddingStart: at(0), biddingEnd: at(day), preemptionRights: holders, reservePrice: reserve,
                extensionWindow: window, extensionLength: length
            )
            guard var auction = try? JudicialAuction(rules: rules) else { return "valid rules refused" }
            let everyone: [BidderID] = ["A", "B", "C", "H", "K", "U"]
            for bidder in everyone where bidder != "U" && Int.random(in: 0..<5, using: &generator) > 0 {
                _ = auction.handle(.depositPaid(bidder), now: at(0))
            }
            var time = day - TimeInterval(Int.random(in: 0...1_800, using: &generator))
            var sent: [BidRequest] = []
            var closing: (outcome: AuctionOutcome, at: Date)?
            for _ in 0..<Int.random(in: 10...80, using: &generator) {
                time += TimeInterval(Int.random(in: 0...Int(length), using: &generator))
                let now = at(time)
                let before = auction
                let event: JudicialAuction.Event
                switch Int.random(in: 0..<100, using: &generator) {
                case 0..<8: event = .tick
                case 8..<12: event = .depositPaid(everyone.randomElement(using: &generator)!)
                case 12..<18 where !sent.isEmpty: event = .bid(sent.randomElement(using: &generator)!)
                default:
                    let bidder = everyone.randomElement(using: &generator)!
                    let amount: Fen
                    if let standing = auction.standingPrice, Int.random(in: 0..<3, using: &generator) == 0 {
                        amount = standing  // a match (valid only for a holder who outranks the leader)
                    } else {
                        amount = AscendingPropertyTests.amount(over: auction.standingPrice, start: start, increment: increment, using: &generator)
                    }
                    let bid = request("\(bidder)-\(sent.count)", bidder, amount)
                    sent.append(bid)
                    event = .bid(bid)
                }
                let effects = auction.handle(event, now: now)
                if let closed = effects.closing { closing = closed }

                if let previous = before.standingPrice {
                    guard let current = auction.standingPrice, current >= previous else { return "standing price fell" }
                }
                for ack in effects.acknowledgements {
                    guard before.depositPayers.contains(ack.bidder) else { return "bid without deposit accepted" }
                    if let previous = before.leader, ack.amount == previous.amount {
                        // Only a holder matches, and only when it outranks the leader.
                        guard let order = rules.preemptionOrder(of: ack.bidder),
                            rules.preemptionOrder(of: previous.bidder).map({ order < $0 }) ?? true
                        else { return "equal bid by \(ack.bidder) over \(previous.bidder) accepted" }
                        guard auction.leader?.kind == .preemptionMatch else { return "match not marked" }
                    } else {
                        let base = before.standingPrice ?? start
                        guard ack.amount >= base + (before.standingPrice == nil ? 0 : increment), (ack.amount - base) % increment == 0
                        else { return "accepted \(ack.amount) off the ladder over \(base)" }
                    }
                }
                // The end moves only later, only after an accepted bid in the window, to that bid's time + the extension.
                let acceptedInWindow = !effects.acknowledgements.isEmpty && now > before.endsAt.addingTimeInterval(-window)
                if auction.endsAt != before.endsAt {
                    guard acceptedInWindow, auction.endsAt > before.endsAt, auction.endsAt == now.addingTimeInterval(length)
                    else { return "end moved from \(before.endsAt) to \(auction.endsAt) at \(now)" }
                    guard effects.extensions == [auction.endsAt] else { return "extension not reported" }
                    extensions += 1
                } else if acceptedInWindow, now.addingTimeInterval(length) > before.endsAt {
                    return "a bid in the last \(window) s did not move the end"
                }
                if let closed = effects.closing {
                    guard closed.at == before.endsAt, now >= before.endsAt else { return "closed early at \(closed.at)" }
                }
            }
            if closing == nil { closing = auction.handle(.tick, now: at(time + day)).closing }
            guard let closing else { return "never closed" }
            // Reference: the close time from the accepted bids, and the winner by amount, then pre-emption order, then time.
            let bids = auction.acceptedBids
            var expectedEnd = at(day)
            for bid in bids where bid.time > expectedEnd.addingTimeInterval(-window) {
                expectedEnd = max(expectedEnd, bid.time.addingTimeInterval(length))
            }
            guard closing.at == expectedEnd else { return "closed at \(closing.at), expected \(expectedEnd)" }
            guard bids.allSatisfy({ $0.time < closing.at }) else { return "a bid after the close" }
            let expected: AuctionOutcome
            let best = bids.min { lhs, rhs in
                let l = (-lhs.amount, rules.preemptionOrder(of: lhs.bidder) ?? .max, lhs.sequence)
                let r = (-rhs.amount, rules.preemptionOrder(of: rhs.bidder) ?? .max, rhs.sequence)
                return l < r
            }
            if let best {
                if let reserve, best.amount < reserve {
                    expected = .noSale(.reserveNotMet(bestBid: best.amount, reserve: reserve))
                } else {
                    let byPreemption = best.kind == .preemptionMatch
                    if byPreemption { preemptionWins += 1 }
                    sold += 1
                    expected = .sold(AuctionAward(bidder: best.bidder, price: best.amount, sequence: best.sequence, byPreemption: byPreemption))
                }
            } else {
                expected = .noSale(.noBids)
            }
            guard closing.outcome == expected else { return "outcome \(closing.outcome), expected \(expected)" }
            return nil
        }
        #expect(sold > 500)
        #expect(preemptionWins > 50)
        #expect(extensions > 1_000)
    }

    @Test("挂牌 standing price never falls, the live round's end moves only by its countdown, highest then earliest wins")
    func listingAuction() {
        var liveRounds = 0
        var equalQuoteWins = 0
        checkProperty("ListingAuction", runs: 2_000, baseSeed: 0x11_0000) { generator in
            let increment = Int64.random(in: 1...20, using: &generator) * 100
            let start = increment * Int64.random(in: 10...100, using: &generator)
            let listingEnd = TimeInterval(Int.random(in: 600...3_000, using: &generator))
            let delay = TimeInterval([0, 0, 120].randomElement(using: &generator)!)
            let countdown = TimeInterval(Int.random(in: 30...300, using: &generator))
            let reserve: Fen? = Bool.random(using: &generator) ? start + increment * Int64.random(in: 0...5, using: &generator) : nil
            let rules = ListingAuctionRules(
                startPrice: start, increment: increment, listingStart: at(0), listingEnd: at(listingEnd),
                reservePrice: reserve, liveRoundDelay: delay, liveRoundCountdown: countdown
            )
            guard var auction = try? ListingAuction(rules: rules) else { return "valid rules refused" }
            var declared: Set<BidderID> = []
            var time: TimeInterval = 0
            var closing: (outcome: AuctionOutcome, at: Date)?
            var sawLiveRound = false
            for index in 0..<Int.random(in: 10...80, using: &generator) {
                time += TimeInterval(Int.random(in: 0...Int(listingEnd / 15), using: &generator))
                let now = at(time)
                let before = auction
                let bidder = AscendingPropertyTests.bidders.randomElement(using: &generator)!
                let event: ListingAuction.Event
                switch Int.random(in: 0..<100, using: &generator) {
                case 0..<10: event = .tick
                case 10..<25: event = .declareIntentToContinue(bidder)
                default:
                    let amount = AscendingPropertyTests.amount(over: auction.standingPrice, start: start, increment: increment, using: &generator)
                    event = .bid(request("q\(index)", bidder, amount))
                }
                let effects = auction.handle(event, now: now)
                if let closed = effects.closing { closing = closed }
                for effect in effects {
                    if case .actionAccepted(let who, .intentToContinue) = effect { declared.insert(who) }
                }
                if let previous = before.standingPrice {
                    guard let current = auction.standingPrice, current >= previous else { return "standing price fell" }
                }
                let live = before.phase == .liveRound || auction.phase == .liveRound
                for ack in effects.acknowledgements {
                    guard !live || declared.contains(ack.bidder) else { return "live bid by a non-participant" }
                    if live, let previous = before.standingPrice, ack.amount <= previous { return "live bid not above standing" }
                }
                for announcement in effects.announcements {
                    if case .liveRoundStarted(_, _, let participants) = announcement {
                        guard participants == declared.count, participants >= 2 else { return "live round with \(participants)" }
                        sawLiveRound = true
                    }
                }
                if auction.endsAt != before.endsAt {
                    guard auction.endsAt > before.endsAt else { return "end moved earlier" }
                    let expected = live && !effects.acknowledgements.isEmpty
                        ? now.addingTimeInterval(countdown) : at(listingEnd + delay + countdown)
                    guard auction.endsAt == expected else { return "end moved to \(auction.endsAt), expected \(expected)" }
                }
            }
            if closing == nil {
                let final = auction.handle(.tick, now: at(time + listingEnd * 10))
                closing = final.closing
                if final.announcements.contains(where: { if case .liveRoundStarted = $0 { true } else { false } }) {
                    sawLiveRound = true
                }
            }
            guard let closing else { return "never closed" }
            guard sawLiveRound == (declared.count >= 2) else { return "live round \(sawLiveRound) with \(declared.count) declared" }
            if sawLiveRound { liveRounds += 1 }
            let bids = auction.acceptedBids
            let best = bids.min { ($0.amount > $1.amount) || ($0.amount == $1.amount && $0.sequence < $1.sequence) }
            let expected: AuctionOutcome
            if let best {
                if bids.contains(where: { $0.amount == best.amount && $0.sequence > best.sequence }) { equalQuoteWins += 1 }
                if let reserve, best.amount < reserve {
                    expected = .noSale(.reserveNotMet(bestBid: best.amount, reserve: reserve))
                } else {
                    expected = .sold(AuctionAward(bidder: best.bidder, price: best.amount, sequence: best.sequence))
                }
            } else {
                expected = .noSale(.noBids)
            }
            return closing.outcome == expected ? nil : "outcome \(closing.outcome), expected \(expected)"
        }
        #expect(liveRounds > 200)
        #expect(equalQuoteWins > 50)
    }
}
