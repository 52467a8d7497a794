package io.gatedesk.ticket;

import org.springframework.data.domain.Sort;

public enum QueueSort {
    UPDATED_DESC(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))),
    UPDATED_ASC(Sort.by(Sort.Order.asc("updatedAt"), Sort.Order.asc("id"))),
    CREATED_DESC(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    CREATED_ASC(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))),
    PRIORITY(Sort.by(Sort.Order.asc("priority"), Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));

    private final Sort sort;

    QueueSort(Sort sort) {
        this.sort = sort;
    }

    public Sort sort() {
        return sort;
    }
}
