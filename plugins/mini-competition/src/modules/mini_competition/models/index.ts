export { default as Competition } from "./competition"
export { default as CompetitionLine } from "./competition-line"
export { default as CompetitionInvitation } from "./competition-invitation"
export { default as CompetitionBid } from "./competition-bid"
