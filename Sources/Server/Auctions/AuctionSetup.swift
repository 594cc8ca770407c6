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

    /// The engine of `parameters`' kind, with the sealed reserve and the confirmed pre-emption rights.
    static func engine(_ parameters: AuctionParameters, reserve: SealedReserve?, preemption: [PreemptionRight]) throws -> AuctionEngine {
        let opens = Timestamps.date(parameters.opensAt)
        let closes = Timestamps.date(parameters.closesAt)
        let release = TimeInterval(parameters.depositReleaseHours ?? 24) * 3600
        switch parameters.kind {
        case "english":
            guard parameters.preemption.isEmpty else {
                throw TradingError.invalid("preemption-not-allowed", zh: "优先购买权只适用于司法拍卖", en: "Pre-emption rights apply to judicial auctions only")
            }
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
        default:
            throw TradingError.invalid("auction-kind", zh: "竞价方式只能是 english（产权/资产网络竞价）或 judicial（司法拍卖）", en: "kind must be english or judicial")
        }
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
