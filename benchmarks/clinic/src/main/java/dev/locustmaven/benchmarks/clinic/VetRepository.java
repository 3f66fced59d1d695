package dev.locustmaven.benchmarks.clinic;

import org.springframework.data.jpa.repository.JpaRepository;

interface VetRepository extends JpaRepository<Vet, Long> {}
