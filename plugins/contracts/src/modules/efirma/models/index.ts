export { default as EfirmaCertificate } from "./efirma-certificate"
