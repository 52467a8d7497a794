package io.gatedesk.selfservice;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface CatalogueModelRepository extends JpaRepository<CatalogueModelRow, Long> {

    List<CatalogueModelRow> findAllByOrderByNameAsc();

    Optional<CatalogueModelRow> findByName(String name);
}
