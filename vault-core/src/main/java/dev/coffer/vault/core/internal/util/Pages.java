package dev.coffer.vault.core.internal.util;

import dev.coffer.vault.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Cuts one page from an ordered map, for every listing of the platform: items are taken in key
 * order after the continuation key, and the next token names the last key returned, so an item
 * present for the whole listing appears exactly once whatever is written meanwhile.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * @param entries the map's entries strictly after the continuation key, in key order
     * @param size    the page size
     * @param listing the listing's name, bound into the token
     * @param include which values to list
     * @param map     turns a value into an item
     * @param <E>     the stored value type
     * @param <T>     the item type
     * @return the page, with a token when more may follow
     */
    public static <E, T> Page<T> page(Iterable<Map.Entry<String, E>> entries, int size, String listing,
                                      Predicate<E> include, Function<E, T> map) {
        List<T> items = new ArrayList<>(size);
        String lastKey = null;
        for (Map.Entry<String, E> e : entries) {
            if (!include.test(e.getValue())) {
                continue;
            }
            if (items.size() == size) {
                return new Page<>(items, Tokens.encode(listing, lastKey));
            }
            items.add(map.apply(e.getValue()));
            lastKey = e.getKey();
        }
        return new Page<>(items, null);
    }
}
