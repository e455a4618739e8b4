package dev.coffer.vault;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items             the items of this page, at most the page size
 * @param continuationToken an opaque token for the next page, or null on the last page
 * @param <T>               the item type
 */
public record Page<T>(List<T> items, String continuationToken) {
    /** Copies the item list. */
    public Page {
        items = List.copyOf(items);
    }

    /** @return the token for the next page, empty on the last page */
    public Optional<String> nextToken() {
        return Optional.ofNullable(continuationToken);
    }
}
