#pragma once

#include <QWidget>
#include <memory>

namespace ticketing::seatmap {

class SeatMapScene;

// What the seat map's colours and shapes mean, drawn with the same sprites: available, held,
// sold, blocked, an accessible seat and a selected one. Shape and colour together, so that it
// reads without telling colours apart; its accessible description lists the meanings.
class SeatMapLegend : public QWidget
{
    Q_OBJECT

public:
    explicit SeatMapLegend(QWidget* parent = nullptr);
    ~SeatMapLegend() override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // An empty scene: its sprites are exactly what the map draws.
    std::unique_ptr<SeatMapScene> m_shapes;
};

} // namespace ticketing::seatmap
