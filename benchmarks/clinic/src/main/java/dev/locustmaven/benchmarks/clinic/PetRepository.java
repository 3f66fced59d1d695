package dev.locustmaven.benchmarks.clinic;

import org.springframework.data.jpa.repository.JpaRepository;

interface PetRepository extends JpaRepository<Pet, Long> {}
