/**
 * sightline/recommend — the on-device recommender: model loading (`.slrm` files written
 * by `sightline-train`), session-kNN scoring, tiers, and measurement events.
 */
export { recommender } from './recommender';
export type { Recommender, RecommenderOptions } from './recommender';
export type { Recommendation, RecommendOptions } from './recommend-for';
export type { Tier, Reason } from './tiers';
export { loadModel } from './loader/load-model';
export type { LoadModelOptions } from './loader/options';
export type { CachedModel, ModelCache } from '../storage/model-cache';
export { decodeModel } from './decode';
export type { DecodeOptions } from './decode';
export { fallbackModel } from './model/model';
export type { Model, ModelMeta, ModelSource } from './model/model';
export { rankItems } from './rank';
export type { RankedItem, RankQuery } from './rank';
export { trackRecommendationViewed, trackRecommendationClicked, RECOMMENDATION_EVENTS } from './measure';
export type { ListView, ListClick } from './measure';
export { RECOMMEND_ERRORS } from './errors';
export type { RecommendErrorCode } from './errors';
export { FORMAT_VERSION } from './format/constants';
export type { KnnParams, TierParams } from './knn/params';
