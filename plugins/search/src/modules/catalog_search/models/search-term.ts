import { model } from "@medusajs/framework/utils"

/**
 * Vocabulary of indexed words (unaccented, lower case; the id is the word).
 * Unknown query words are corrected against it by trigram similarity.
 */
const SearchTerm = model.define("search_term", {
  id: model.id().primaryKey(),
})

export default SearchTerm
