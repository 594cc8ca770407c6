import Auctions
import Foundation
import Testing

/// Property-based tests of the Dutch and reverse auctions over thousands of random event sequences.
@Suite("Descending auction properties", .tags(.property))
struct DescendingPropertyTests {
    @Test("Dutch: the clock never rises, follows start − k × decrement down to the floor, and the first acceptance wins")
    func dutchAuction() {
        var sold = 0
        var floorClosures = 0
        checkProperty("DutchAuction", runs: 2_000, baseSeed: 0xD0_0000) { generator in
            let decrement = Int64.random(in: 1...50, using: &generator) * 10
            let start = decrement * Int64.random(in: 5...60, using: &generator) + Int64.random(in: 0...9, using: &generator)
            let floor = max(1, start - decrement * Int64.random(in: 2...40, using: &generator) - Int64.random(in: 0...9, using: &generator))
            let interval = Int64.random(in: 5...120, using: &generator)
            let reserve: Fen? = Int.random(in: 0..<4, using: &generator) == 0 ? Int64.random(in: floor...start, using: &generator) : nil
            let rules = DutchAuctionRules(
                startPrice: start, decrement: decrement, stepInterval: TimeInterval(interval), floorPrice: floor,
                start: at(0), reservePrice: reserve
            )
            guard var auction = try? DutchAuction(rules: rules) else { return "valid rules refused" }
            let stepsToFloor = (start - floor + decrement - 1) / decrement
            let closesAt = (stepsToFloor + 1) * interval
            /// The reference clock at whole second `second` ≥ 0.
            func clock(_ second: Int64) -> Fen {
                max(floor, start - min(second / interval, stepsToFloor) * decrement)
            }
            var second = Int64.random(in: -30...0, using: &generator)
            var closing: (outcome: AuctionOutcome, at: Date)?
            for index in 0..<Int.random(in: 5...60, using: &generator) {
                second += Int64.random(in: 0...(2 * interval), using: &generator)
                let now = at(TimeInterval(second))
                let before = auction
                let accepting = Int.random(in: 0..<6, using: &generator) == 0
                let offered = second >= 0 ? clock(second) + Int64.random(in: -1...1, using: &generator) * decrement : start
                let event: DutchAuction.Event = accepting ? .accept(request("a\(index)", BidderID("B\(index % 3)"), offered)) : .tick
                let effects = auction.handle(event, now: now)
                if let closed = effects.closing { closing = closed }

                if let previous = before.standingPrice, let current = auction.standingPrice, current > previous {
                    return "clock rose from \(previous) to \(current)"
                }
                guard before.phase != .closed else { continue }
                if second >= 0, second < closesAt, auction.phase != .closed || !effects.acknowledgements.isEmpty {
                    guard auction.standingPrice == clock(second) else {
                        return "clock \(String(describing: auction.standingPrice)) at \(second) s, expected \(clock(second))"
                    }
                }
                if case .accept(let bid) = event, second >= 0, second < closesAt {
                    let price = clock(second)
                    if bid.amount >= price {
                        let expected: AuctionOutcome = reserve.map { price < $0 } == true
                            ? .noSale(.reserveNotMet(bestBid: price, reserve: reserve!))
                            : .sold(AuctionAward(bidder: bid.bidder, price: price, sequence: 1))
                        guard effects.closing?.outcome == expected, effects.closing?.at == now else {
                            return "acceptance of \(bid.amount) at clock \(price): \(effects)"
                        }
                        if case .sold = expected { sold += 1 }
                    } else if effects.rejections != [bid.amount > 0 ? .belowClockPrice(current: price) : .invalidAmount] {
                        return "acceptance below the clock not refused: \(effects)"
                    }
                }
            }
            if closing == nil { closing = auction.handle(.tick, now: at(TimeInterval(closesAt + 1_000))).closing }
            guard let closing else { return "never closed" }
            if auction.acceptedBids.isEmpty {
                guard closing.outcome == .noSale(.floorReached(floor: floor)), closing.at == at(TimeInterval(closesAt)) else {
                    return "unsold close \(closing), expected floor at \(closesAt) s"
                }
                floorClosures += 1
            }
            return auction.acceptedBids.count <= 1 ? nil : "more than one acceptance"
        }
        #expect(sold > 500)
        #expect(floorClosures > 100)
    }

    @Test("ProZorro: prices never rise, turns go highest first, nobody is named before the close, lowest then earliest wins")
    func reverseAuction() {
        var sold = 0
        var ties = 0
        checkProperty("ReverseAuction", runs: 2_000, baseSeed: 0x2E_0000) { generator in
            let count = Int.random(in: 1...5, using: &generator)
            let decrement = Int64.random(in: 1...20, using: &generator) * 10
            let rounds = Int.random(in: 1...3, using: &generator)
            let turn = TimeInterval(Int.random(in: 10...120, using: &generator))
            let initial = (0..<count).map { index in
                SealedInitialPrice(
                    bidder: BidderID("S\(index)"),
                    amount: decrement * Int64.random(in: 20...30, using: &generator),
                    submittedAt: at(TimeInterval(-Int.random(in: 1...10_000, using: &generator)))
                )
            }
            let reserve: Fen? = Int.random(in: 0..<4, using: &generator) == 0 ? decrement * Int64.random(in: 10...30, using: &generator) : nil
            let rules = ReverseAuctionRules(
                start: at(0), minimumDecrement: decrement, rounds: rounds, turnDuration: turn, reservePrice: reserve
            )
            guard var auction = try? ReverseAuction(rules: rules, initialPrices: initial) else { return "valid rules refused" }
            var time: TimeInterval = -Double(Int.random(in: 0...30, using: &generator))
            var closing: (outcome: AuctionOutcome, at: Date)?
            var turnsStarted = 0
            for index in 0..<Int.random(in: 10...80, using: &generator) {
                time += TimeInterval(Int.random(in: 0...Int(turn * 1.2), using: &generator))
                let now = at(time)
                let before = auction
                let inTurn = auction.bidderInTurn
                let actor = inTurn != nil && Int.random(in: 0..<5, using: &generator) > 0
                    ? inTurn! : BidderID("S\(Int.random(in: 0...count, using: &generator))")
                let current = auction.participants.first { $0.bidder == actor }?.price ?? decrement * 30
                let event: ReverseAuction.Event
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: event = .tick
                case 1, 2: event = .pass(actor)
                default:
                    let cut = decrement * Int64.random(in: 0...3, using: &generator) + Int64.random(in: -5...5, using: &generator)
                    event = .lower(request("r\(index)", actor, current - cut))
                }
                let effects = auction.handle(event, now: now)
                if let closed = effects.closing { closing = closed }

                // Nobody is named to the room before the close; identities only with the close.
                for (position, effect) in effects.enumerated() {
                    guard case .announce(.identitiesRevealed) = effect else { continue }
                    guard effects[..<position].contains(where: { if case .closed = $0 { true } else { false } }) else {
                        return "identities revealed before the close"
                    }
                }
                turnsStarted += effects.announcements.filter { if case .turnStarted = $0 { true } else { false } }.count
                // No price ever rises; the best price never rises.
                for (old, new) in zip(before.participants, auction.participants) where new.price > old.price {
                    return "\(new.bidder)'s price rose"
                }
                if let previous = before.standingPrice, let best = auction.standingPrice, best > previous { return "best price rose" }
                // Only the bidder in turn lowers, by at least the decrement.
                var turnHolder = before.bidderInTurn
                for effect in effects {
                    if case .announce(.turnStarted(_, let number, _)) = effect {
                        turnHolder = auction.participants.first { $0.number == number }?.bidder
                    }
                    if case .bidAccepted(let ack) = effect, ack.bidder != turnHolder { return "\(ack.bidder) bid out of turn" }
                }
                for ack in effects.acknowledgements {
                    guard let old = before.participants.first(where: { $0.bidder == ack.bidder }), ack.amount <= old.price - decrement
                    else { return "reduction smaller than the decrement" }
                }
                // Each round's order: highest price first; equal prices, the later one first.
                if auction.round != before.round, auction.phase == .bidding,
                    let roundStart = effects.firstIndex(of: .announce(.roundStarted(auction.round)))
                {
                    // Prices as they stood when the round started: before this event, plus reductions made before it.
                    var prices = Dictionary(uniqueKeysWithValues: before.participants.map { ($0.bidder, ($0.price, $0.priceSetAt)) })
                    for case .bidAccepted(let ack) in effects[..<roundStart] { prices[ack.bidder] = (ack.amount, ack.receivedAt) }
                    let order = auction.turnOrder.map { prices[auction.participants[$0].bidder]! }
                    for (a, b) in zip(order, order.dropFirst()) where (a.0, a.1) < (b.0, b.1) {
                        return "round \(auction.round) order puts \(a) before \(b)"
                    }
                }
            }
            if closing == nil {
                let final = auction.handle(.tick, now: at(time + turn * Double(count * rounds + 1)))
                turnsStarted += final.announcements.filter { if case .turnStarted = $0 { true } else { false } }.count
                closing = final.closing
            }
            guard let closing else { return "never closed" }
            guard count >= 2 else {
                return closing.outcome == .noSale(.tooFewBidders(count: count, minimum: 2)) ? nil : "ran with one bidder"
            }
            guard turnsStarted == rounds * count else { return "\(turnsStarted) turns for \(rounds) × \(count)" }
            // Reference: each bidder's last accepted price; the lowest wins, equal → reached earlier.
            var finals: [BidderID: AuctionBid] = [:]
            for bid in auction.acceptedBids { finals[bid.bidder] = bid }
            let ranked = finals.values.sorted { ($0.amount, $0.time, $0.sequence) < ($1.amount, $1.time, $1.sequence) }
            guard let best = ranked.first else { return "no prices" }
            if ranked.count > 1, ranked[1].amount == best.amount { ties += 1 }
            let expected: AuctionOutcome
            if let reserve, best.amount > reserve {
                expected = .noSale(.reserveNotMet(bestBid: best.amount, reserve: reserve))
            } else {
                expected = .sold(AuctionAward(bidder: best.bidder, price: best.amount, sequence: best.sequence))
                sold += 1
            }
            return closing.outcome == expected ? nil : "outcome \(closing.outcome), expected \(expected)"
        }
        #expect(sold > 500)
        #expect(ties > 20)
    }
}
