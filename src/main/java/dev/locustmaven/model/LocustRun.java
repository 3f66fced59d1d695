package dev.locustmaven.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The results of all services of one build, in service-name order. */
public record LocustRun(List<ServiceResult> services) {

    public LocustRun {
        services = List.copyOf(services);
    }

    public Optional<ServiceResult> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }

    public Map<String, ServiceResult> byName() {
        Map<String, ServiceResult> map = new LinkedHashMap<>();
        services.forEach(s -> map.put(s.service(), s));
        return map;
    }
}
