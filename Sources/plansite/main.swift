import PlanSite; import ArgumentParser; print("x")
