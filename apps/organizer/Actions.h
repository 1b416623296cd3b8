#pragma once

#include "apps/organizer/Document.h"

#include <QCoreApplication>
#include <string>
#include <vector>

// What the designer's menus do to the selection, each one undoable step through Document::edit
// (the menus, the properties panel and the tests call the same functions). Each returns false
// when there was nothing to do (nothing suitable selected, or nothing changed).
namespace ticketing::organizer::actions {

// The seated sections the selection touches (its sections, and the sections of its seats).
std::vector<int> seatedSectionsOf(const domain::SeatMap& map, const Selection& selection);

bool labelRows(Document& document, edit::RowLabels style, bool fromBack);
bool numberSeats(Document& document, edit::Numbering numbering);
bool setAccessible(Document& document, bool accessible);
bool outlineSections(Document& document, double margin = 5);
bool removeSelection(Document& document);
bool align(Document& document, edit::Align how);
bool distribute(Document& document, bool horizontally);
bool nudge(Document& document, double dx, double dy);
bool rotateSelection(Document& document, double degrees);
// Pastes `sections` moved by `offset` units right and down, and selects them.
bool paste(Document& document, const std::vector<domain::Section>& sections, double offset);
bool selectAll(Document& document);

// The keyboard's way to draw (the Insert menu): each puts a shape beside what is drawn, sized
// by the tool bar's settings, and selects it. A seated block goes to the right of the venue's
// content (at the origin on an empty map), a standing area below it, the stage above it.
struct InsertSettings
{
    int rows = 10;
    int seatsPerRow = 20;
    double seatSpacing = 10;
    double rowSpacing = 12;
    int standingCapacity = 500;
};
bool insertSeatedSection(Document& document, const InsertSettings& settings);
bool insertStandingArea(Document& document, const InsertSettings& settings);
bool insertStage(Document& document);

// The properties panel's edits: typed values merge into one step per field (`mergeKey`).
bool setSectionKey(Document& document, int section, const std::string& key, int mergeKey);
bool setSectionName(Document& document, int section, const std::string& name, int mergeKey);
bool setCapacity(Document& document, int section, int capacity, int mergeKey);
bool setRowLabel(Document& document, int section, int row, const std::string& label, int mergeKey);
bool setSeatNumber(Document& document, const SeatRef& seat, int number, int mergeKey);

} // namespace ticketing::organizer::actions
