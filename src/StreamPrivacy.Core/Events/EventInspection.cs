namespace StreamPrivacy.Core.Events;

/// <summary>What one pass over a raw event found: its first structural problem, if any, and whether its consent covers the required purposes.</summary>
/// <param name="Error">The first problem found, or null when the event is well-formed.</param>
/// <param name="ConsentGranted">True when <c>consent</c> contains every required purpose.</param>
public readonly record struct EventInspection(InputError? Error, bool ConsentGranted);
