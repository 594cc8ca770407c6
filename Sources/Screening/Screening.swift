// Screening — bid-rigging (围标串标) red flags and statistical screens. Pure: no storage, no network.
//
// Entry points:
//   Screener.run(_:thresholds:weights:parallel:) -> ScreeningReport   a whole data set
//   TenderScreen.screen(_:thresholds:weights:coBidding:)                one tender
//   TenderScreen.score(flags:weights:)                                  the [0, 1] score
//   BidScreens.compute(amountsFen:)                                     CV, spread, DIFFP, RD, skewness, kurtosis, KS …
//   RedFlags.evaluate(_:screens:thresholds:)                            statistical + Cardinal-style flags
//   CollusionIndicators.evaluate(_:thresholds:)                         条例40 items from platform traces
//   CoBidding.analyze(_:thresholds:)                                    pairs, rotating groups, perennial losers
//   DocumentSimilarity.similarity(a:b:shingleLength:)                   Jaccard over character n-grams
//   TukeyFences(_:)                                                     data-driven thresholds for calibration
//   BidCSV.parse(_:skipBadRecords:progress:), OCDSReleases.parse(…)     bid files (bytes in) → tenders
//   ScoreTable.csv(_:)                                                  results → tender_id,score,flags
//   SyntheticMarket.generate(_:)                                        a seeded market with known labels
//   ScreenEvaluation.run(train:test:)                                   tune on market A, test on market B
//
// Every threshold is a field of ScreeningThresholds and every weight a field of ScoreWeights, both
// Codable with lenient decoding, so a settings file names only what it changes.
