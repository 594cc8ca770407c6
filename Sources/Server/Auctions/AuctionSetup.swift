import Auctions
import Foundation
import Storage
import TradingCore

/// Builds the pure engine, the deposit requirement and the release rule of an auction from its stored parameters;
/// every refusal is a 422 with the engine's Chinese and English reasons.
enum AuctionSetup {
    static func reserve(_ fen: Int64?) throws -> SealedReserve? {
        guard let fen else { return nil }
        do throws(InvalidAuctionRules) { return try SealedReserve(fen) } catch { throw error.tradingError }
    }

    /// The engine of `parameters`' kind, with the sealed reserve, the confirmed pre-emption rights and (reverse) the
    /// opened prices.
    static func engine(
        _ parameters: AuctionParameters, kind: AuctionKindParameters = AuctionKindParameters(), reserve: SealedReserve?, preemption: [PreemptionRight],
        initialPrices: [SealedInitialPrice] = []
    ) throws -> AuctionEngine {
        let opens = Timestamps.date(parameters.opensAt)
        let closes = Timestamps.date(parameters.closesAt)
        let release = TimeInterval(parameters.depositReleaseHours ?? 24) * 3600
        if kind.hasDutchFields, parameters.kind != "dutch" {
            throw TradingError.invalid("auction-kind-fields", zh: "降价幅度、降价周期和最低价只适用于降价拍卖", en: "decrementFen, stepSeconds and floorPriceFen apply to Dutch auctions only")
        }
        if kind.hasListingFields, parameters.kind != "listing" {
            throw TradingError.invalid("auction-kind-fields", zh: "现场竞价参数只适用于挂牌", en: "The live-round parameters apply to listings only")
        }
        if kind.hasReverseFields, parameters.kind != "reverse" {
            throw TradingError.invalid("auction-kind-fields", zh: "报价轮数、每次报价时长等只适用于反向竞价", en: "rounds, turnSeconds, pauseBetweenRoundsSeconds and minimumBidders apply to reverse auctions only")
        }
        if parameters.kind != "judicial", !parameters.preemption.isEmpty {
            throw TradingError.invalid("preemption-not-allowed", zh: "优先购买权只适用于司法拍卖", en: "Pre-emption rights apply to judicial auctions only")
        }
        switch parameters.kind {
        case "english":
            let rules = EnglishAuctionRules(
                startPrice: parameters.startPriceFen, increment: parameters.incrementFen, freeBiddingStart: opens, freeBiddingEnd: closes,
                countdown: TimeInterval(parameters.countdownSeconds ?? 300), maximumIncrementsPerBid: parameters.maximumIncrementsPerBid,
                depositReleaseWithin: release
            )
            do throws(InvalidAuctionRules) { return .english(try EnglishAuction(rules: rules.withReserve(reserve))) } catch { throw error.tradingError }
        case "judicial":
            let extensionLength = TimeInterval(parameters.extensionSeconds ?? 300)
            let rules = JudicialAuctionRules(
                appraisedValue: parameters.appraisedValueFen ?? parameters.startPriceFen, startPrice: parameters.startPriceFen,
                deposit: parameters.depositFen, increment: parameters.incrementFen, biddingStart: opens, biddingEnd: closes,
                preemptionRights: preemption, previousStartPrice: parameters.previousStartPriceFen, maximumIncrementsPerBid: parameters.maximumIncrementsPerBid,
                extensionWindow: extensionLength, extensionLength: extensionLength,
                maximumRelistingCutPercent: parameters.relistingMaxCutPercent ?? 20, depositReleaseWithin: release
            )
            do throws(InvalidAuctionRules) { return .judicial(try JudicialAuction(rules: rules.withReserve(reserve))) } catch { throw error.tradingError }
        case "dutch":
            let rules = try self.dutchRules(parameters, kind: kind)
            do throws(InvalidAuctionRules) { return .dutch(try DutchAuction(rules: rules.withReserve(reserve))) } catch { throw error.tradingError }
        case "listing":
            let rules = ListingAuctionRules(
                startPrice: parameters.startPriceFen, increment: parameters.incrementFen, listingStart: opens, listingEnd: closes,
                maximumIncrementsPerBid: parameters.maximumIncrementsPerBid, minimumBiddersForLiveRound: kind.minimumBiddersForLiveRound ?? 2,
                liveRoundDelay: TimeInterval(kind.liveRoundDelaySeconds ?? 0), liveRoundCountdown: TimeInterval(kind.liveRoundCountdownSeconds ?? 300),
                depositReleaseWithin: release
            )
            do throws(InvalidAuctionRules) { return .listing(try ListingAuction(rules: rules.withReserve(reserve))) } catch { throw error.tradingError }
        case "reverse":
            let rules = ReverseAuctionRules(
                start: opens, minimumDecrement: parameters.incrementFen, rounds: kind.rounds ?? 3, turnDuration: TimeInterval(kind.turnSeconds ?? 120),
                pauseBetweenRounds: TimeInterval(kind.pauseBetweenRoundsSeconds ?? 0), minimumBidders: kind.minimumBidders ?? 2, depositReleaseWithin: release
            )
            do throws(InvalidAuctionRules) {
                return .reverse(try ReverseAuction(rules: rules.withReserve(reserve), initialPrices: initialPrices))
            } catch {
                throw error.tradingError
            }
        default:
            throw TradingError.invalid(
                "auction-kind", zh: "竞价方式只能是 english（产权/资产网络竞价）、judicial（司法拍卖）、dutch（降价拍卖）、listing（挂牌）或 reverse（采购反向竞价）",
                en: "kind must be english, judicial, dutch, listing or reverse"
            )
        }
    }

    /// 降价拍卖 — the clock of a Dutch auction (422 when the decrement, step or floor is missing; the engine checks the rest).
    static func dutchRules(_ parameters: AuctionParameters, kind: AuctionKindParameters) throws -> DutchAuctionRules {
        guard let decrement = kind.decrementFen, let step = kind.stepSeconds, let floor = kind.floorPriceFen else {
            throw TradingError.invalid(
                "auction-dutch-parameters", zh: "降价拍卖须给出降价幅度 decrementFen、降价周期 stepSeconds 和最低价 floorPriceFen",
                en: "A Dutch auction needs decrementFen, stepSeconds and floorPriceFen"
            )
        }
        return DutchAuctionRules(
            startPrice: parameters.startPriceFen, decrement: decrement, stepInterval: TimeInterval(step), floorPrice: floor,
            start: Timestamps.date(parameters.opensAt), depositReleaseWithin: TimeInterval(parameters.depositReleaseHours ?? 24) * 3600
        )
    }

    /// The end of bidding (ms): given for every kind but a Dutch auction, whose clock fixes it (one step after the
    /// floor); a Dutch `closesAt` that is given must be that instant.
    static func closesAt(_ given: Date?, parameters: AuctionParameters, kind: AuctionKindParameters) throws -> Int64 {
        guard parameters.kind == "dutch" else {
            guard let given else { throw TradingError.invalid("closes-at-required", zh: "须给出结束时间 closesAt", en: "closesAt is required") }
            return Timestamps.millis(given)
        }
        let rules = try self.dutchRules(parameters, kind: kind)
        guard rules.violations.isEmpty else { return parameters.opensAt }  // the engine refuses these rules with every reason
        let computed = Timestamps.millis(rules.closesAt)
        if let given, Timestamps.millis(given) != computed {
            throw TradingError.invalid(
                "dutch-closes-at", zh: "降价拍卖的结束时间由价格时钟决定：\(Timestamps.rfc3339(rules.closesAt))（可不填）",
                en: "A Dutch auction ends when its clock does: \(Timestamps.rfc3339(rules.closesAt)) (leave closesAt out)"
            )
        }
        return computed
    }

    /// 竞买保证金 — judicial sales keep it within 5–20 % of the start price (拍§17).
    static func deposit(_ parameters: AuctionParameters) throws -> DepositRequirement {
        do throws(InvalidAuctionRules) {
            return try DepositRequirement(
                amount: parameters.depositFen, startPrice: parameters.startPriceFen,
                bounds: parameters.kind == "judicial" ? .judicial : nil
            )
        } catch {
            throw error.tradingError
        }
    }

    /// Losers' deposits are released within `depositReleaseHours` (24 h at most for judicial sales, 拍§24).
    static func depositRelease(_ parameters: AuctionParameters) throws -> DepositReleaseRule {
        do throws(InvalidAuctionRules) {
            return try DepositReleaseRule(
                within: TimeInterval(parameters.depositReleaseHours ?? 24) * 3600,
                statutoryMaximum: parameters.kind == "judicial" ? 24 * 3600 : nil
            )
        } catch {
            throw error.tradingError
        }
    }

    /// How far a relisting may cut the start price: 拍§26 for judicial sales (20 % unless the court says less), the
    /// auction's own `relistingMaxCutPercent` otherwise (no limit when unset, ⚠️ per project).
    static func relistingPolicy(_ parameters: AuctionParameters) -> RelistingPolicy {
        parameters.kind == "judicial" ? RelistingPolicy(maximumCutPercent: parameters.relistingMaxCutPercent ?? 20) : RelistingPolicy(maximumCutPercent: parameters.relistingMaxCutPercent)
    }

    /// The relisting's start price if `proposed` is allowed after `close` (流拍, not withdrawn; cut within the policy).
    static func relistedStartPrice(_ proposed: Int64, after close: AuctionClose, previous: Int64, policy: RelistingPolicy) -> Result<Int64, RelistingRefusal> {
        do throws(RelistingRefusal) {
            let relisting = try Relisting(after: close, previousStartPrice: previous, policy: policy)
            return .success(try relisting.checkedStartPrice(proposed))
        } catch {
            return .failure(error)
        }
    }
}
