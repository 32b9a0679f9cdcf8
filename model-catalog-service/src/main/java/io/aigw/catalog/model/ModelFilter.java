package io.aigw.catalog.model;

/** Filters of {@code GET /admin/v1/models}; {@code null} = no restriction. */
public record ModelFilter(String provider, String surface, String modality, String status, String q) {
}
