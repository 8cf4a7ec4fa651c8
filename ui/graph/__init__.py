"""The referral network drawn with QGraphicsView: node and arrow items, the view, the legend."""
