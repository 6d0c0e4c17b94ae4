export { default as OcdsRelease } from "./ocds-release"
