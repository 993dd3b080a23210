package verify

// Declared returns the check declared with id, so that a front end can tell the step a
// check belongs to and the values it reads without running it.
func (s *Suite) Declared(id string) (Check, bool) {
	for _, c := range s.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}
