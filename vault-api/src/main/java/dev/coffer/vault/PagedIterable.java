package dev.coffer.vault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily paged listing, shaped like the Azure SDK's {@code PagedIterable}: iterating fetches one
 * page at a time (each page is one call, authorized and audited), so a listing of a million objects
 * never builds a list of a million objects. Pages hold at most {@value #MAX_PAGE_SIZE} items
 * (Azure's {@code maxresults} range is 1..25, default 25).
 *
 * <p>Items present for the whole listing appear exactly once, in a stable order, even when other
 * threads write meanwhile.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    /** Azure's default and largest page size. */
    public static final int MAX_PAGE_SIZE = 25;

    /**
     * Fetches one page.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface PageFetcher<T> {
        /**
         * @param continuationToken null for the first page, else the previous page's token
         * @param pageSize          1..25
         * @return the page
         */
        Page<T> fetch(String continuationToken, int pageSize);
    }

    private final PageFetcher<T> fetcher;

    /**
     * @param fetcher fetches one page per call
     */
    public PagedIterable(PageFetcher<T> fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = iterableByPage(null, MAX_PAGE_SIZE).iterator();
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** @return the items as a lazy, sequential stream */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** @return the pages, each fetched when reached, of the default size */
    public Iterable<Page<T>> iterableByPage() {
        return iterableByPage(null, MAX_PAGE_SIZE);
    }

    /**
     * @param continuationToken where to resume, from an earlier page; null to start at the beginning
     * @return the pages from there on
     */
    public Iterable<Page<T>> iterableByPage(String continuationToken) {
        return iterableByPage(continuationToken, MAX_PAGE_SIZE);
    }

    /**
     * @param continuationToken where to resume, or null
     * @param pageSize          the preferred page size, 1..25
     * @return the pages from there on
     * @throws BadParameterException if the page size is outside 1..25
     */
    public Iterable<Page<T>> iterableByPage(String continuationToken, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new BadParameterException("BadParameter", null,
                    "maxresults must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize + ".");
        }
        return () -> new Iterator<>() {
            private String token = continuationToken;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Page<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Page<T> page = fetcher.fetch(token, pageSize);
                token = page.continuationToken();
                done = token == null;
                return page;
            }
        };
    }

    /**
     * Reads the whole listing into a list. Meant for small listings and tests.
     *
     * @return every item
     */
    public List<T> toList() {
        List<T> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }
}
