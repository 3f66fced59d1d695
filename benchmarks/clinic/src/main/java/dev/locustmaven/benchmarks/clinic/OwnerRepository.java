package dev.locustmaven.benchmarks.clinic;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OwnerRepository extends JpaRepository<Owner, Long> {

    @Query("select distinct o from Owner o left join fetch o.pets where o.lastName like concat(:prefix, '%')"
            + " order by o.lastName, o.firstName")
    List<Owner> findByLastNamePrefix(String prefix);

    @Query("select o from Owner o left join fetch o.pets where o.id = :id")
    Optional<Owner> findWithPets(Long id);
}
